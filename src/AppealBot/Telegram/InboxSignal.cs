using AppealBot.Hosting;

namespace AppealBot.Telegram;

/// <summary>Wakes the inbox processor when the webhook queued an update, so it is handled at once.</summary>
internal sealed class InboxSignal : WakeSignal;
