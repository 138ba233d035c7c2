using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using AppealBot.Localization;
using AppealBot.Tests.FakeTelegram;

namespace AppealBot.Bench;

/// <summary>
/// A simulated English-speaking buyer who walks one whole case through the current conversation, pressing buttons by
/// the text key of their label as the tests' Buyer does (so a reworded label or a question added to the case file
/// does not break the script); each step's latency is recorded.
/// </summary>
internal sealed partial class FlowBuyer(FakeUser user, TimeSpan patience)
{
    // The case file's questions answered without facts, as the tests' Buyer.SkipFactsAsync does.
    private static readonly string[] NeutralFacts =
    [
        "button.skip", "button.done", "fact.SellerArgument.DontKnow", "fact.ClosingReason.NoReasonGiven", "button.no",
        "fact.FaultStart.FromTheStart", "fact.Tracking.NoUpdates", "fact.PaymentMethod.Other", "fact.Protection.DontKnow",
    ];

    private readonly List<StepLatency> _timings = new(48);
    private Reply? _last;

    /// <summary>One whole case: /start, a new case, the case file, evidence, survey, support chat, complaint, check-back, decision, refund.</summary>
    public async Task<List<StepLatency>> WalkAsync(int index)
    {
        await Send("/start");
        await Press("button.new_case");
        await Send(string.Create(CultureInfo.InvariantCulture, $"8100{index:00000000}0000"));
        await Press("button.yesterday");
        await Press("problem.Damaged");
        while (!Shows("compensation.FullRefund"))
        {
            await Press(NeutralFacts.FirstOrDefault(Shows) ?? throw Lost("a case file question"));
        }

        await Press("compensation.FullRefund");
        do
        {
            // Questions are asked positively ("yes" = the dispute was prepared well), except "too much asked".
            var asksTooMuch = _last!.Last.Text.Contains(Label("reason.question.TooMuchAsked"), StringComparison.Ordinal);
            await Press(asksTooMuch ? "button.no" : "button.yes");
        }
        while (Shows("button.yes"));

        await Press("button.to_evidence");
        await Step(() => user.PressAsync(Label("button.evidence.missing", ("item", new Html(Localizer.For(Language.En)["evidence.label.Photos"]))), patience));
        await Press("button.to_compensation");
        await Press("compensation.ReturnAndRefund");
        await PressIfShown("button.skip");
        await Press("button.survey_done");
        await Press("button.to_complaint");
        await Press("button.filed");
        await Answer("button.all_fine");
        await Step(() => user.PressAsync(PluralLabel("button.in_days", 5), patience));
        await Answer("button.accepted");
        await PressIfShown("button.skip");
        await Step(() => user.PressAsync(PluralLabel("button.in_days", 7), patience));
        await Press(Shows("button.money_arrived") ? "button.money_arrived" : "button.money_arrived_early");
        return _timings;
    }

    public static string Label(string key, params (string Name, object? Value)[] args) =>
        WebUtility.HtmlDecode(Tags().Replace(Localizer.For(Language.En).Get(key, args), string.Empty));

    private static string PluralLabel(string key, int count) =>
        WebUtility.HtmlDecode(Tags().Replace(Localizer.For(Language.En).Plural(key, count), string.Empty));

    /// <summary>"What did the operator say / what was decided": before it can have happened the bot asks "I have the answer" first.</summary>
    private async Task Answer(string key)
    {
        await PressIfShown("button.have_answer");
        await Press(key);
    }

    private async Task PressIfShown(string key)
    {
        if (Shows(key))
        {
            await Press(key);
        }
    }

    private bool Shows(string key) => (_last?.Messages.Count > 0 ? _last.ButtonTexts : user.LastMessage.ButtonTexts).Contains(Label(key));

    private InvalidOperationException Lost(string what) =>
        new($"Buyer {user.Id} expected {what}, the bot shows: {_last}");

    private Task Press(string key) => Shows(key) ? Step(() => user.PressAsync(Label(key), patience)) : throw Lost($"the button {key}");

    private Task Send(string text) => Step(() => user.SendAsync(text, patience));

    private async Task Step(Func<Task<Reply>> act)
    {
        var (latency, reply) = await StepLatency.OfAsync(act);
        _timings.Add(latency);
        _last = reply;
    }

    [GeneratedRegex("<[^>]+>")]
    private static partial Regex Tags();
}
