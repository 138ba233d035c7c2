// AppealBot: a Telegram assistant for buyers who lost an AliExpress dispute.
// `AppealBot` runs the bot against the Bot API (Telegram__BotToken required);
// `AppealBot chat` runs the same conversation in the terminal, without Telegram.
return await AppealBot.Hosting.AppealBotApp.RunAsync(args);
