using Dapper;

// Every Dapper call in the bot is generated at build time: no IL emitted at run time, so the app can be
// published as Native AOT, and start-up does not pay for building mappers.
[module: DapperAot]
