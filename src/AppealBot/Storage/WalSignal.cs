using AppealBot.Hosting;

namespace AppealBot.Storage;

/// <summary>The update writer committed: the write-ahead log grew and <see cref="WalCheckpointer"/> has work.</summary>
internal sealed class WalSignal : WakeSignal;
