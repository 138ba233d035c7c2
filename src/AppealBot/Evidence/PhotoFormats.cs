namespace AppealBot.Evidence;

internal enum PhotoFormat
{
    Jpeg,
    Png,
    Webp,
    Heic,
    Avif,
    Gif,
    Bmp,
    Tiff,
    Svg,
    OtherImage,
    NotImage,
}

/// <summary>Which pictures the collage maker can read, told from a file's MIME type or, failing that, its name.</summary>
internal static class PhotoFormats
{
    private static readonly Dictionary<string, PhotoFormat> ByMimeType = new(StringComparer.OrdinalIgnoreCase)
    {
        ["image/jpeg"] = PhotoFormat.Jpeg,
        ["image/jpg"] = PhotoFormat.Jpeg,
        ["image/pjpeg"] = PhotoFormat.Jpeg,
        ["image/png"] = PhotoFormat.Png,
        ["image/webp"] = PhotoFormat.Webp,
        ["image/heic"] = PhotoFormat.Heic,
        ["image/heif"] = PhotoFormat.Heic,
        ["image/heic-sequence"] = PhotoFormat.Heic,
        ["image/heif-sequence"] = PhotoFormat.Heic,
        ["image/avif"] = PhotoFormat.Avif,
        ["image/gif"] = PhotoFormat.Gif,
        ["image/bmp"] = PhotoFormat.Bmp,
        ["image/x-ms-bmp"] = PhotoFormat.Bmp,
        ["image/tiff"] = PhotoFormat.Tiff,
        ["image/svg+xml"] = PhotoFormat.Svg,
    };

    private static readonly Dictionary<string, PhotoFormat> ByExtension = new(StringComparer.OrdinalIgnoreCase)
    {
        [".jpg"] = PhotoFormat.Jpeg,
        [".jpeg"] = PhotoFormat.Jpeg,
        [".jfif"] = PhotoFormat.Jpeg,
        [".png"] = PhotoFormat.Png,
        [".webp"] = PhotoFormat.Webp,
        [".heic"] = PhotoFormat.Heic,
        [".heif"] = PhotoFormat.Heic,
        [".avif"] = PhotoFormat.Avif,
        [".gif"] = PhotoFormat.Gif,
        [".bmp"] = PhotoFormat.Bmp,
        [".tif"] = PhotoFormat.Tiff,
        [".tiff"] = PhotoFormat.Tiff,
        [".svg"] = PhotoFormat.Svg,
    };

    public static PhotoFormat Identify(string? mimeType, string? fileName)
    {
        if (mimeType is not null && ByMimeType.TryGetValue(mimeType.Trim(), out var format))
        {
            return format;
        }

        if (fileName is not null && ByExtension.TryGetValue(Path.GetExtension(fileName), out format))
        {
            return format;
        }

        return mimeType?.StartsWith("image/", StringComparison.OrdinalIgnoreCase) == true ? PhotoFormat.OtherImage : PhotoFormat.NotImage;
    }

    /// <summary>
    /// JPEG, PNG and WebP. Not HEIC/HEIF (nor AVIF): SkiaSharp's Linux build has no decoder for it (its codec
    /// answers "unimplemented"; a test keeps that checked). On iPhone, sending a picture as a photo rather than
    /// a file makes Telegram convert it to JPEG.
    /// </summary>
    public static bool CanRead(PhotoFormat format) => format is PhotoFormat.Jpeg or PhotoFormat.Png or PhotoFormat.Webp;

    /// <summary>The name users know the format by, for "I can't read HEIC files"; null when there is no telling.</summary>
    public static string? Name(PhotoFormat format, string? mimeType, string? fileName)
    {
        if (format is not (PhotoFormat.OtherImage or PhotoFormat.NotImage))
        {
            return format.ToString().ToUpperInvariant();
        }

        var extension = Path.GetExtension(fileName ?? string.Empty).TrimStart('.');
        var subtype = mimeType?.Split('/') is [_, { Length: > 0 } sub] ? sub : string.Empty;
        var name = extension.Length > 0 ? extension : subtype;
        return name.Length is > 0 and <= 10 && name.All(char.IsAsciiLetterOrDigit) ? name.ToUpperInvariant() : null;
    }
}
