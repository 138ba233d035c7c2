using AppealBot.Conversation;
using AppealBot.Localization;

namespace AppealBot.Tests.Conversation;

/// <summary>The "what does this photo show?" buttons' arguments and the choices each problem offers.</summary>
public sealed class PhotoShowsTests
{
    private static readonly IReadOnlyList<CasePhoto> Photos =
        [.. Enumerable.Range(1, 31).Select(n => new CasePhoto(n, new PhotoFile($"id{n}", $"AgADunique{n}", PhotoKind.Photo, 1000, "image/jpeg")))];

    [Fact]
    public void Every_tick_of_every_photo_travels_in_one_button_argument_and_comes_back_the_same()
    {
        foreach (var photo in Photos)
        {
            foreach (var choice in PhotoShowsChoices.Each((PhotoShows)511))
            {
                foreach (var on in new[] { true, false })
                {
                    var argument = PhotoShowsChoices.TickArgument(photo, choice, on);
                    var data = ButtonData.ForCase(1234567, CaseStep.Evidence, CaseActions.TickShows, argument, 12);

                    Assert.InRange(System.Text.Encoding.UTF8.GetByteCount(data), 1, 64);
                    Assert.True(ButtonData.TryParseCase(data, out var button));
                    var (photoArgument, read, readOn) = PhotoShowsChoices.ReadTick(button.Argument!.Value);
                    Assert.Same(photo, PhotoShowsChoices.FindPhoto(Photos, photoArgument));
                    Assert.Equal((choice, on), (read, readOn));
                }
            }
        }
    }

    [Fact]
    public void A_button_for_photo_2_finds_nothing_once_another_file_is_photo_2()
    {
        var argument = PhotoShowsChoices.PhotoArgument(Photos[1]);
        CasePhoto[] renumbered = [Photos[0], Photos[2] with { Number = 2 }];

        Assert.Null(PhotoShowsChoices.FindPhoto(renumbered, argument));
        Assert.Null(PhotoShowsChoices.FindPhoto([Photos[0]], argument));
    }

    [Fact]
    public void Sizes_are_offered_only_for_a_wrong_size_and_a_tick_given_earlier_stays_offered()
    {
        var wrongSize = new Case { UserId = 1, CreatedAt = DateTimeOffset.UnixEpoch, Problem = ProblemKind.NotAsDescribed, Facts = new CaseFacts { Differences = Differences.Size } };
        var damaged = new Case { UserId = 1, CreatedAt = DateTimeOffset.UnixEpoch, Problem = ProblemKind.Damaged };

        Assert.Contains(PhotoShows.SizeLabel, PhotoShowsChoices.For(wrongSize));
        Assert.Contains(PhotoShows.Ruler, PhotoShowsChoices.For(wrongSize));
        Assert.DoesNotContain(PhotoShows.SizeLabel, PhotoShowsChoices.For(damaged));
        Assert.Contains(PhotoShows.SizeLabel, PhotoShowsChoices.For(damaged, PhotoShows.SizeLabel | PhotoShows.Damage));
        Assert.Equal("whole item, damage", PhotoShowsChoices.Describe(PhotoShows.Damage | PhotoShows.WholeItem, Localizer.For(Language.En)));
        Assert.Equal("", PhotoShowsChoices.Describe(PhotoShows.None, Localizer.For(Language.En)));
    }
}
