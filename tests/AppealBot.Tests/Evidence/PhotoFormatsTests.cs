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

    /// <summary>A 64 × 48 red HEIC made with libheif's heif-enc (x265), as an iPhone would send it as a file.</summary>
    private const string Heic =
        "AAAAHGZ0eXBoZWljAAAAAG1pZjFoZWljbWlhZgAAAvxtZXRhAAAAAAAAACFoZGxyAAAAAAAAAABwaWN0AAAAAAAAAAAAAAAAAAAAAA5waXRtAAAAAAACAAAAGGlkYXQAAAAAAEAAMAAAAAAAQAAwAAAAYGlsb2MBAAAAREAABAABAAAAAAAAAyAAAQAAAAAAAAAeAAIAAQAAAAAAAAABAAAAAAAAAAgAAwAAAAAAAAM+AAEAAAAAAAAAEwAEAAEAAAAAAAAAAQAAAAgAAAAIAAAAYmlpbmYAAAAAAAQAAAAVaW5mZQIAAAEAAQAAaHZjMQAAAAAVaW5mZQIAAAAAAgAAZ3JpZAAAAAAVaW5mZQIAAAEAAwAAaHZjMQAAAAAVaW5mZQIAAAAABAAAZ3JpZAAAAAGxaXBycAAAAYRpcGNvAAAAdmh2Y0MBA3AAAAAAAAAAAAAe8AD8/fj4AAAPAyAAAQAYQAEMAf//A3AAAAMAkAAAAwAAAwAeugJAIQABACpCAQEDcAAAAwCQAAADAAADAB6gIIEFlurkprm4EBAwIAAAAwAgAAADACEiAAEABkQBwXPAiQAAABRpc3BlAAAAAAAAAEAAAABAAAAAFGlzcGUAAAAAAAAAQAAAADAAAAAQcGl4aQAAAAADCAgIAAAAcWh2Y0MBBAgAAAAAAAAAAAAe8AD8/Pj4AAAPAyAAAQAXQAEMAf//BAgAAAMAn/gAAAMAAB66AkAhAAEAJkIBAQQIAAADAJ/4AAADAAAewIIEFlurkprmwIAAAAMAgAAAAwCEIgABAAZEAcFzwIkAAAAUaXNwZQAAAAAAAABAAAAAQAAAABRpc3BlAAAAAAAAAEAAAAAwAAAADnBpeGkAAAAAAQgAAAAnYXV4QwAAAAB1cm46bXBlZzpoZXZjOjIwMTU6YXV4aWQ6MQAAAAAlaXBtYQAAAAAAAAAEAAECgQIAAgIDhAADAoUGAAQDB4iJAAAANmlyZWYAAAAAAAAADmRpbWcAAgABAAEAAAAOZGltZwAEAAEAAwAAAA5hdXhsAAQAAQACAAAAOW1kYXQAAAAaKAGvE4D4EOGn//xNKP/6dc8P08x786KQz4AAAAAPKAGuJ+fct9//mi95wCvg";

    [Fact]
    public void Heic_is_refused_because_the_decoder_cannot_read_it()
    {
        // If a SkiaSharp update learns HEIF, this fails: then let PhotoFormats.CanRead accept HEIC.
        Assert.Equal(ProbeOutcome.Unreadable, PhotoDecoder.Probe(Convert.FromBase64String(Heic), out _));
        Assert.False(PhotoFormats.CanRead(PhotoFormat.Heic));
    }

    [Theory]
    [InlineData("image/heic", "IMG_1.HEIC", "HEIC")]
    [InlineData("image/x-icon", "favicon.ico", "ICO")]
    [InlineData("image/x-portable-anymap", null, null)]
    [InlineData("image/jp2", null, "JP2")]
    public void Unreadable_formats_are_named_as_users_know_them(string mime, string? name, string? expected) =>
        Assert.Equal(expected, PhotoFormats.Name(PhotoFormats.Identify(mime, name), mime, name));
}
