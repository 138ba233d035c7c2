using AppealBot.Localization;

namespace AppealBot.Conversation;

/// <summary>
/// The conversation's decision "make collages of these photos", carried out after the replies by the transport
/// (downloading and drawing need I/O, which the conversation does not do). It holds everything the work and its
/// messages need, so nothing has to be read again.
/// </summary>
internal sealed record CollageRequest(long CaseId, CaseStep Step, string? OrderNumber, Language Language, IReadOnlyList<CasePhoto> Photos);
