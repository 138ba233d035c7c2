namespace AppealBot.Conversation;

/// <summary>The action names carried in case buttons' data (kept short: callback data is limited to 64 bytes).</summary>
internal static class CaseActions
{
    public const string Back = "back";
    public const string Choose = "pick";
    public const string Today = "today";
    public const string Yesterday = "ystd";
    public const string Yes = "yes";
    public const string No = "no";
    public const string Toggle = "tog";
    public const string Continue = "ok";
    public const string NoSurveyButton = "nobtn";
    public const string Filed = "filed";
    public const string AllFine = "fine";
    public const string Missing = "miss";
    public const string InDays = "in";
    public const string Accepted = "acc";
    public const string Rejected = "rej";
    public const string NotDecided = "wait";
    public const string Skip = "skip";
    public const string FileAgain = "again";
    public const string Close = "close";
    public const string CloseConfirmed = "closeok";
    public const string KeepOpen = "keep";
    public const string Reopen = "reopen";
    public const string Show = "show";
    public const string RemindLater = "later";
    public const string Pause = "pause";
    public const string OpenFile = "file";
    public const string EditFact = "edit";
    public const string EditEvidence = "editev";
    public const string Done = "done";
    public const string DaysAgo = "ago";
    public const string Answer = "answer";
    public const string RefilingRefused = "norefile";
    public const string PayPalText = "pp";
    public const string BankLetter = "bank";

    // The collage maker's actions. They are not steps of the flow, so they work whatever step the case is at.
    public const string OpenCollage = "col";
    public const string MakeCollages = "mkcol";
    public const string ClearPhotos = "clrph";
    public const string LeaveOut = "drop";
    public const string KeepPhoto = "pkeep";
    public const string DropPhoto = "pdrop";
    public const string RetakePhoto = "pnew";
}
