namespace AppealBot.Evidence;

/// <summary>How collages are made. The complaint forms' limits change, so every number is configuration.</summary>
internal sealed class CollageOptions
{
    public const string Section = "Collages";

    /// <summary>The public Bot API lets bots download files up to 20 MB (a self-hosted Bot API server allows more).</summary>
    public const long MaxDownloadBytes = 20L * 1024 * 1024;

    /// <summary>At most this many collages for one case: the forms take only a few images.</summary>
    public int MaxAttachments { get; set; } = 3;

    /// <summary>The longest side of a collage, in pixels.</summary>
    public int MaxSide { get; set; } = 4096;

    /// <summary>The largest collage file, in bytes; JPEG quality is lowered step by step to fit.</summary>
    public int MaxBytes { get; set; } = 5_000_000;

    /// <summary>How many photos one case may hold.</summary>
    public int MaxPhotos { get; set; } = 30;

    /// <summary>A photo whose shorter side would come out smaller than this (in pixels) is not readable.</summary>
    public int MinCellSide { get; set; } = 300;

    /// <summary>The largest video the complaint form takes, in MB, as the video advice says (guides report 2 GB; unofficial).</summary>
    public int MaxVideoMegabytes { get; set; } = 2048;
}
