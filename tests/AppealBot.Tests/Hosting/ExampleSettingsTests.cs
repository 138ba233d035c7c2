using AppealBot.Conversation;
using AppealBot.Tests.TestKit;
using AppealBot.Hosting;
using AppealBot.Reminders;
using Microsoft.Extensions.Configuration;

namespace AppealBot.Tests.Hosting;

public sealed class ExampleSettingsTests
{
    private static readonly IConfiguration Example = new ConfigurationBuilder()
        .AddJsonFile(Path.Combine(Repository.Root, "appsettings.example.json"), optional: false)
        .Build();

    [Theory]
    [InlineData(typeof(TelegramOptions), TelegramOptions.Section)]
    [InlineData(typeof(BotOptions), BotOptions.Section)]
    [InlineData(typeof(ReminderOptions), ReminderOptions.Section)]
    [InlineData(typeof(HealthOptions), HealthOptions.Section)]
    [InlineData(typeof(DeadlineOptions), DeadlineOptions.Section)]
    [InlineData(typeof(StorageOptions), StorageOptions.Section)]
    public void The_example_documents_every_setting(Type options, string section)
    {
        foreach (var property in options.GetProperties())
        {
            Assert.True(Example.GetSection($"{section}:{property.Name}").Exists(), $"appsettings.example.json lacks {section}:{property.Name}");
        }

        Assert.NotNull(Example.GetConnectionString("AppealBot"));
    }

    [Fact]
    public void The_example_values_pass_validation_once_a_token_is_set()
    {
        var telegram = Example.GetSection(TelegramOptions.Section).Get<TelegramOptions>()!;
        telegram.BotToken = "123456:TEST-token";

        Assert.True(new TelegramOptionsValidator().Validate(null, telegram).Succeeded);
        Assert.True(new BotOptionsValidator().Validate(null, Example.GetSection(BotOptions.Section).Get<BotOptions>()!).Succeeded);
        Assert.True(new ReminderOptionsValidator().Validate(null, Example.GetSection(ReminderOptions.Section).Get<ReminderOptions>()!).Succeeded);
        Assert.True(new DeadlineOptionsValidator().Validate(null, Example.GetSection(DeadlineOptions.Section).Get<DeadlineOptions>()!).Succeeded);
        Assert.True(new HealthOptionsValidator().Validate(null, Example.GetSection(HealthOptions.Section).Get<HealthOptions>()!).Succeeded);
        Assert.True(new StorageOptionsValidator().Validate(null, Example.GetSection(StorageOptions.Section).Get<StorageOptions>()!).Succeeded);
    }
}
