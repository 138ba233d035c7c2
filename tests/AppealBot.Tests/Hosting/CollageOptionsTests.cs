using AppealBot.Evidence;
using AppealBot.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace AppealBot.Tests.Hosting;

public sealed class CollageOptionsTests
{
    [Fact]
    public void The_defaults_are_valid() =>
        Assert.True(new CollageOptionsValidator().Validate(null, new CollageOptions()).Succeeded);

    [Theory]
    [InlineData(nameof(CollageOptions.MaxAttachments), 0, "Collages__MaxAttachments")]
    [InlineData(nameof(CollageOptions.MaxSide), 9000, "Collages__MaxSide")]
    [InlineData(nameof(CollageOptions.MaxBytes), 60_000_000, "Collages__MaxBytes")]
    [InlineData(nameof(CollageOptions.MaxPhotos), 32, "Collages__MaxPhotos")]
    [InlineData(nameof(CollageOptions.MinCellSide), 3000, "Collages__MinCellSide")]
    public void A_bad_value_is_named_in_one_line(string property, int value, string variable)
    {
        var options = new CollageOptions();
        typeof(CollageOptions).GetProperty(property)!.SetValue(options, value);

        var result = new CollageOptionsValidator().Validate(null, options);

        Assert.True(result.Failed);
        Assert.Contains(variable, Assert.Single(result.Failures!), StringComparison.Ordinal);
    }

    [Fact]
    public void The_host_checks_the_collage_settings_before_it_starts()
    {
        var builder = AppealBotHost.CreateBuilder([], new HostApplicationBuilderSettings { EnvironmentName = "Testing" });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Telegram:BotToken"] = "123456:TEST-token",
            ["Collages:MaxSide"] = "10",
        });
        using var host = builder.Build();

        var error = Assert.Throws<OptionsValidationException>(() => host.Services.GetRequiredService<IStartupValidator>().Validate());

        Assert.Contains("Collages__MaxSide", error.Message, StringComparison.Ordinal);
    }
}
