using AppealBot.Evidence;

namespace AppealBot.Tests.Evidence;

public sealed class PhotoFormatsTests
{
    [Theory]
    [InlineData("image/jpeg", "x.jpg", "Jpeg", true)]
    [InlineData(null, "IMG_0001.JPEG", "Jpeg", true)]
    [InlineData("application/octet-stream", "scan.png", "Png", true)]
    [InlineData("image/webp", null, "Webp", true)]
    [InlineData("image/heic", "IMG_0001.HEIC", "Heic", false)]
    [InlineData(null, "photo.heif", "Heic", false)]
    [InlineData("image/gif", "a.gif", "Gif", false)]
    [InlineData("image/x-icon", "favicon.ico", "OtherImage", false)]
    [InlineData("application/pdf", "receipt.pdf", "NotImage", false)]
    [InlineData(null, null, "NotImage", false)]
    public void Formats_are_told_by_mime_type_then_by_name(string? mime, string? name, string expected, bool readable)
    {
        var format = PhotoFormats.Identify(mime, name);

        Assert.Equal(expected, format.ToString());
        Assert.Equal(readable, PhotoFormats.CanRead(format));
    }

    [Theory]
    [InlineData("image/heic", "IMG_1.HEIC", "HEIC")]
    [InlineData("image/x-icon", "favicon.ico", "ICO")]
    [InlineData("image/x-portable-anymap", null, null)]
    [InlineData("image/jp2", null, "JP2")]
    public void Unreadable_formats_are_named_as_users_know_them(string mime, string? name, string? expected) =>
        Assert.Equal(expected, PhotoFormats.Name(PhotoFormats.Identify(mime, name), mime, name));
}
