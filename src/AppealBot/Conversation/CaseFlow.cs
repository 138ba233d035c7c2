using System.Collections.Concurrent;
using Stateless;

namespace AppealBot.Conversation;

/// <summary>
/// The recovery process as a state machine over one <see cref="Case"/>. The state lives in the case
/// (so it is stored with it); a flow is taken per update, used, and disposed. Every method returns
/// false when the action does not fit the case's current step.
/// </summary>
internal sealed class CaseFlow : IDisposable
{
    /// <summary>Configured machines not bound to a case: configuring one allocates ~38 KB, so they are reused.</summary>
    private static readonly ConcurrentBag<BoundMachine> Idle = [];

    private readonly Case _case;
    private readonly BoundMachine _bound;
    private readonly StateMachine<CaseStep, CaseTrigger> _machine;

    /// <param name="appealOpen">Whether the Appeal button may still work for this case today: it decides where the preparation leads.</param>
    public CaseFlow(Case @case, bool appealOpen = true)
    {
        _case = @case;
        _bound = Idle.TryTake(out var idle) ? idle : new BoundMachine();
        _bound.Case = @case;
        _bound.AppealOpen = appealOpen;
        _machine = _bound.Machine;
    }

    public void Dispose()
    {
        if (_bound.Case is not null && Idle.Count < 64)
        {
            _bound.Case = null;
            Idle.Add(_bound);
        }
    }

    public CaseStep Step => _case.Step;

    public bool GiveOrderNumber(string orderNumber) => Fire(CaseTrigger.OrderNumberGiven, () => _case.OrderNumber = orderNumber);

    public bool ChooseProblem(ProblemKind problem) => Fire(CaseTrigger.ProblemChosen, () =>
    {
        if (_case.Problem != problem)
        {
            _case.Facts.ForgetProblemDetails();
            _case.Reasons = LossReasons.None;
            _case.ReasonsAnswered = 0;
            _case.EvidenceReady = EvidenceItems.None;
        }

        _case.Problem = problem;
        _case.FactsAnswered = 0;
    });

    /// <summary>Answers the current fact question with one of its choices.</summary>
    public bool ChooseFact(int value) =>
        _case.CurrentQuestion is { } question && FactQuestions.Kind(question) == AnswerKind.Choice
        && FactQuestions.TryChoose(_case, question, value) && Answered(question);

    /// <summary>Ticks or unticks one difference; the question stays until <see cref="FinishFact"/>.</summary>
    public bool ToggleFact(int flag) =>
        _case.CurrentQuestion is { } question && FactQuestions.TryToggle(_case, question, flag);

    /// <summary>"Done" after ticking differences.</summary>
    public bool FinishFact() =>
        _case.CurrentQuestion is { } question && FactQuestions.Kind(question) == AnswerKind.Toggles && Answered(question);

    /// <summary>
    /// A typed answer (already checked). At the seller's argument or the closing reason, typing is answering
    /// "other" in one's own words.
    /// </summary>
    public bool TypeFact(string text)
    {
        if (_case.CurrentQuestion is not { } question)
        {
            return false;
        }

        if (question is FactQuestion.SellerArgument or FactQuestion.ClosingReason)
        {
            var other = question == FactQuestion.SellerArgument ? (int)SellerArgument.Other : (int)ClosingReason.Other;
            var follow = question == FactQuestion.SellerArgument ? FactQuestion.SellerArgumentText : FactQuestion.ClosingReasonText;
            if (!FactQuestions.TryChoose(_case, question, other))
            {
                return false;
            }

            FactQuestions.SetText(_case, follow, text);
            return Answered(question, followUpAnswered: true);
        }

        if (FactQuestions.Kind(question) != AnswerKind.Text)
        {
            return false;
        }

        FactQuestions.SetText(_case, question, text);
        return Answered(question);
    }

    /// <param name="approximate">The buyer said it roughly ("about a month ago").</param>
    public bool GiveFactDate(DateOnly date, bool approximate = false)
    {
        if (_case.CurrentQuestion is not { } question || FactQuestions.Kind(question) != AnswerKind.Date)
        {
            return false;
        }

        FactQuestions.SetDate(_case, question, date, approximate);
        return Answered(question);
    }

    public bool GiveFactDays(int days)
    {
        if (_case.CurrentQuestion is not FactQuestion.FaultAfterDays)
        {
            return false;
        }

        FactQuestions.SetDays(_case, days);
        return Answered(FactQuestion.FaultAfterDays);
    }

    /// <summary>Leaves a typed, date or number question unanswered.</summary>
    public bool SkipFact()
    {
        if (_case.CurrentQuestion is not { } question || FactQuestions.Kind(question) is AnswerKind.Choice or AnswerKind.Toggles)
        {
            return false;
        }

        FactQuestions.Skip(_case, question);
        return Answered(question);
    }

    public bool ChooseDisputeClaim(Compensation claim) => Fire(CaseTrigger.ClaimChosen, () =>
    {
        // Which loss reasons are asked depends on the claim ("too much asked" only for a full refund).
        _case.ReasonsAnswered = 0;
        _case.Reasons = LossReasons.None;
        _case.DisputeClaim = claim;
        if (claim != Compensation.PartialRefund)
        {
            _case.DisputeAmount = null;
        }
    });

    /// <summary>An amount typed where one is asked: the partial refund asked in the dispute, asked now, or granted.</summary>
    public bool GiveAmount(Money? amount) => Fire(CaseTrigger.AmountGiven, () =>
    {
        switch (_case.Step)
        {
            case CaseStep.DisputeAmount: _case.DisputeAmount = amount; break;
            case CaseStep.CompensationAmount: _case.CompensationAmount = amount; break;
            case CaseStep.RefundAmount: _case.RefundAmount = amount; break;
        }
    });

    public bool GiveClosedDate(DateOnly closedOn) => Fire(CaseTrigger.ClosedDateGiven, () => _case.DisputeClosedOn = closedOn);

    /// <summary>The buyer says support would not take a new complaint: the routes outside AliExpress are what is left.</summary>
    public bool ReportRefilingRefused() => Fire(CaseTrigger.RefilingRefused);

    /// <summary>Answers the current loss-reason question yes or no; after the last one the advice follows.</summary>
    public bool AnswerReason(bool yes)
    {
        var questions = LossReasonQuestions.For(_case);
        if (_case.ReasonsAnswered >= questions.Count || !Fire(CaseTrigger.ReasonAnswered, () =>
            {
                var reason = questions[_case.ReasonsAnswered];
                if (LossReasonQuestions.Applies(reason, yes))
                {
                    _case.Reasons |= reason;
                }

                _case.ReasonsAnswered++;
            }))
        {
            return false;
        }

        if (_case.ReasonsAnswered >= LossReasonQuestions.For(_case).Count)
        {
            _machine.Fire(CaseTrigger.ReasonsDone);
        }

        return true;
    }

    public bool ToggleEvidence(EvidenceItems item) => Fire(CaseTrigger.EvidenceToggled, () => _case.EvidenceReady ^= item);

    public bool ChooseCompensation(Compensation compensation) => Fire(CaseTrigger.CompensationChosen, () =>
    {
        _case.Compensation = compensation;
        if (compensation != Conversation.Compensation.PartialRefund)
        {
            _case.CompensationAmount = null;
        }
    });

    public bool Continue() => Fire(CaseTrigger.Continue);

    /// <summary>
    /// Records the filing. Saying "filed" again for the same round (after stepping back to the drafts) is the same
    /// filing, not a second one: only a filing after a rejection counts again.
    /// </summary>
    public bool FileComplaint(DateOnly today, DateTimeOffset checkBackDue) => Fire(CaseTrigger.Filed, () =>
    {
        if (_case.Filings == _case.Rejections)
        {
            _case.Filings++;
        }

        _case.EvidenceFiled = _case.EvidenceReady;
        _case.FiledOn = today;
        _case.CheckBackDue = checkBackDue;
        _case.DecisionDue = null;
    });

    public bool ConfirmAllFine() => Fire(CaseTrigger.AllFine);

    public bool ReportSomethingMissing() => Fire(CaseTrigger.SomethingMissing);

    public bool RemindLater() => Fire(CaseTrigger.RemindLater);

    /// <summary>Moves the check-back to a later moment the user picked.</summary>
    public bool SnoozeCheckBack(DateTimeOffset due) => Fire(CaseTrigger.Snoozed, () => _case.CheckBackDue = due);

    /// <summary>No more nudges about this case until the user moves it on.</summary>
    public void Pause() => _case.Paused = true;

    public bool GiveDecisionDate(DateOnly due) => Fire(CaseTrigger.DecisionDateGiven, () => _case.DecisionDue = due);

    public bool ReportAccepted() => Fire(CaseTrigger.Accepted);

    public bool ReportRejected() => Fire(CaseTrigger.Rejected, () =>
    {
        _case.Rejections++;
        _case.Facts.RejectedBecause = null;
        _case.Facts.RejectedBecauseText = null;
    });

    /// <summary>Why the complaint was rejected; "other" asks for the reason in the buyer's words next.</summary>
    public bool ExplainRejection(RejectionReason reason)
    {
        if (!FactQuestions.RejectionReasonsFor(_case.Problem).Contains(reason))
        {
            return false;
        }

        return reason == RejectionReason.Other
            ? Fire(CaseTrigger.RejectionToType, () => _case.Facts.RejectedBecause = reason)
            : Fire(CaseTrigger.RejectionExplained, () =>
            {
                _case.Facts.RejectedBecause = reason;
                _case.Facts.RejectedBecauseText = null;
            });
    }

    /// <summary>The rejection's reason in the buyer's words (null: skipped).</summary>
    public bool TypeRejection(string? text) => Fire(CaseTrigger.RejectionExplained, () =>
    {
        _case.Facts.RejectedBecause = RejectionReason.Other;
        _case.Facts.RejectedBecauseText = text;
    });

    /// <summary>Opens the case file to correct it; the case comes back to this step afterwards.</summary>
    public bool OpenCaseFile()
    {
        var from = _case.Step;
        return from.AllowsEditing() && Fire(CaseTrigger.EditFacts, () => _case.ReturnStep = from);
    }

    /// <summary>Asks one fact of the case file again.</summary>
    public bool EditFact(FactQuestion question) =>
        FactQuestions.Editable(_case).Contains(question) && Fire(CaseTrigger.EditFact, () => _case.Editing = question);

    /// <summary>Opens the evidence checklist from the case file, or straight from the complaint's drafts.</summary>
    public bool EditEvidence()
    {
        var from = _case.Step;
        return Fire(CaseTrigger.EditEvidence, () =>
        {
            if (from != CaseStep.EditFacts)
            {
                _case.ReturnStep = from;
            }
        });
    }

    /// <summary>Back to the step the case was at before the buyer opened the case file.</summary>
    public bool FinishEditing() => Fire(CaseTrigger.EditDone, () => _case.Editing = null);

    public bool ReportNotDecided() => Fire(CaseTrigger.NotDecided, () => _case.DecisionDelays++);

    public bool GiveRefundDate(DateOnly due) => Fire(CaseTrigger.RefundDateGiven, () => _case.RefundDue = due);

    public bool ConfirmMoneyArrived() => Fire(CaseTrigger.MoneyArrived, () => Closing(CaseOutcome.Won));

    public bool ReportMoneyMissing() => Fire(CaseTrigger.MoneyMissing);

    public bool FileAgain() => Fire(CaseTrigger.FileAgain);

    /// <summary>Closes the case for good: the money came back some other way, or the user gives up.</summary>
    public bool Close(CaseOutcome outcome) => Fire(CaseTrigger.Close, () => Closing(outcome));

    /// <summary>A closed case opens again at the step it was closed from.</summary>
    public bool Reopen() => Fire(CaseTrigger.Reopen, () => _case.Outcome = CaseOutcome.Open);

    private void Closing(CaseOutcome outcome)
    {
        _case.Outcome = outcome;
        _case.Editing = null;

        // Closed in the middle of a correction: reopening goes back to the step being corrected from.
        if (_case.Step is not (CaseStep.EditFacts or CaseStep.EditFact or CaseStep.EditEvidence))
        {
            _case.ReturnStep = _case.Step;
        }
    }

    /// <summary>One step back; within a questionnaire (facts, loss reasons), one question back.</summary>
    public bool Back() => _case.Step switch
    {
        CaseStep.Facts when _case.FactsAnswered > 0 => StepBackOneFact(),
        CaseStep.DisputeClaim => Fire(CaseTrigger.Back) && StepBackOneFact(),
        CaseStep.LossReasons when _case.ReasonsAnswered > 0 => StepBackOneQuestion(),
        CaseStep.Advice => Fire(CaseTrigger.Back) && StepBackOneQuestion(),
        CaseStep.RejectionReason => Fire(CaseTrigger.Back, () => _case.Rejections--),
        CaseStep.EditFact => Fire(CaseTrigger.Back, () => _case.Editing = null),
        _ => Fire(CaseTrigger.Back),
    };

    /// <summary>The machine's graph in Mermaid syntax, for docs/conversation.md.</summary>
    public static string MermaidGraph()
    {
        var machine = new StateMachine<CaseStep, CaseTrigger>(CaseStep.OrderNumber);
        var blank = new Case { UserId = 0, CreatedAt = DateTimeOffset.UnixEpoch };
        Configure(machine, () => blank, () => true);
        return Stateless.Graph.MermaidGraph.Format(machine.GetInfo());
    }

    /// <summary>After an answer: the next question, or the step after the questionnaire (or back from a correction).</summary>
    private bool Answered(FactQuestion question, bool followUpAnswered = false)
    {
        switch (_case.Step)
        {
            case CaseStep.Facts:
                _case.FactsAnswered += followUpAnswered ? 2 : 1;
                _machine.Fire(CaseTrigger.FactAnswered);
                if (_case.FactsAnswered >= FactQuestions.For(_case).Count)
                {
                    _machine.Fire(CaseTrigger.FactsDone);
                }

                break;
            case CaseStep.EditFact when !followUpAnswered && FactQuestions.FollowUp(_case, question) is { } next:
                // A correction that opens a question of its own ("stuck" → since when) asks it before going back.
                _case.Editing = next;
                break;
            case CaseStep.EditFact:
                return FinishEditing();
            case CaseStep.Note:
                return Fire(CaseTrigger.NoteGiven);
        }

        _case.Paused = false;
        return true;
    }

    private bool StepBackOneFact()
    {
        _case.FactsAnswered = Math.Max(0, Math.Min(_case.FactsAnswered, FactQuestions.For(_case).Count) - 1);
        return true;
    }

    private bool StepBackOneQuestion()
    {
        _case.ReasonsAnswered--;
        _case.Reasons &= ~LossReasonQuestions.For(_case)[_case.ReasonsAnswered];
        return true;
    }

    private bool Fire(CaseTrigger trigger, Action? record = null)
    {
        if (!_machine.CanFire(trigger))
        {
            return false;
        }

        // Data first, so guards choosing the next state see the answer that was just given.
        record?.Invoke();
        _machine.Fire(trigger);
        _case.Paused = false;
        return true;
    }

    /// <param name="current">The case the guards look at: the machine's case at the moment it fires.</param>
    /// <param name="appealOpen">Whether the Appeal button may still work for the case today.</param>
    private static void Configure(StateMachine<CaseStep, CaseTrigger> machine, Func<Case> current, Func<bool> appealOpen)
    {
        bool DisputeWasPartial() => current().DisputeClaim == Compensation.PartialRefund;
        bool AsksPartial() => current().Compensation == Compensation.PartialRefund;
        bool NotFiled() => current().Filings == 0;
        CaseStep Return() => current().ReturnStep ?? CaseStep.Survey;

        machine.Configure(CaseStep.OrderNumber)
            .Permit(CaseTrigger.OrderNumberGiven, CaseStep.ClosedDate);
        machine.Configure(CaseStep.ClosedDate)
            .Permit(CaseTrigger.ClosedDateGiven, CaseStep.Problem)
            .Permit(CaseTrigger.Back, CaseStep.OrderNumber);
        machine.Configure(CaseStep.Problem)
            .Permit(CaseTrigger.ProblemChosen, CaseStep.Facts)
            .Permit(CaseTrigger.Back, CaseStep.ClosedDate);
        machine.Configure(CaseStep.Facts)
            .InternalTransition(CaseTrigger.FactAnswered, () => { })
            .Permit(CaseTrigger.FactsDone, CaseStep.DisputeClaim)
            .Permit(CaseTrigger.Back, CaseStep.Problem);
        machine.Configure(CaseStep.DisputeClaim)
            .PermitIf(CaseTrigger.ClaimChosen, CaseStep.DisputeAmount, DisputeWasPartial, "partial refund")
            .PermitIf(CaseTrigger.ClaimChosen, CaseStep.LossReasons, () => !DisputeWasPartial(), "full refund or return")
            .Permit(CaseTrigger.Back, CaseStep.Facts);
        machine.Configure(CaseStep.DisputeAmount)
            .Permit(CaseTrigger.AmountGiven, CaseStep.LossReasons)
            .Permit(CaseTrigger.Back, CaseStep.DisputeClaim);
        machine.Configure(CaseStep.LossReasons)
            .InternalTransition(CaseTrigger.ReasonAnswered, () => { })
            .Permit(CaseTrigger.ReasonsDone, CaseStep.Advice)
            .PermitIf(CaseTrigger.Back, CaseStep.DisputeAmount, DisputeWasPartial, "partial refund")
            .PermitIf(CaseTrigger.Back, CaseStep.DisputeClaim, () => !DisputeWasPartial(), "full refund or return");
        machine.Configure(CaseStep.Advice)
            .Permit(CaseTrigger.Continue, CaseStep.Evidence)
            .Permit(CaseTrigger.Back, CaseStep.LossReasons);
        machine.Configure(CaseStep.Evidence)
            .InternalTransition(CaseTrigger.EvidenceToggled, () => { })
            .Permit(CaseTrigger.Continue, CaseStep.Compensation)
            .Permit(CaseTrigger.Back, CaseStep.Advice);
        machine.Configure(CaseStep.Compensation)
            .PermitIf(CaseTrigger.CompensationChosen, CaseStep.CompensationAmount, AsksPartial, "partial refund")
            .PermitIf(CaseTrigger.CompensationChosen, CaseStep.Note, () => !AsksPartial(), "full refund or return")
            .Permit(CaseTrigger.Back, CaseStep.Evidence);
        machine.Configure(CaseStep.CompensationAmount)
            .Permit(CaseTrigger.AmountGiven, CaseStep.Note)
            .Permit(CaseTrigger.Back, CaseStep.Compensation);
        machine.Configure(CaseStep.Note)
            .PermitIf(CaseTrigger.NoteGiven, CaseStep.Survey, appealOpen, "appeal still possible")
            .PermitIf(CaseTrigger.NoteGiven, CaseStep.Escalation, () => !appealOpen(), "appeal window passed")
            .PermitIf(CaseTrigger.Back, CaseStep.CompensationAmount, AsksPartial, "partial refund")
            .PermitIf(CaseTrigger.Back, CaseStep.Compensation, () => !AsksPartial(), "full refund or return");

        machine.Configure(CaseStep.Survey)
            .Permit(CaseTrigger.Continue, CaseStep.SupportChat)
            .Permit(CaseTrigger.Back, CaseStep.Note);
        machine.Configure(CaseStep.SupportChat)
            .Permit(CaseTrigger.Continue, CaseStep.Complaint)
            .Permit(CaseTrigger.Back, CaseStep.Survey);
        machine.Configure(CaseStep.Complaint)
            .Permit(CaseTrigger.Filed, CaseStep.CheckBack)
            .Permit(CaseTrigger.EditEvidence, CaseStep.EditEvidence)
            .Permit(CaseTrigger.Back, CaseStep.SupportChat);
        machine.Configure(CaseStep.CheckBack)
            .Permit(CaseTrigger.AllFine, CaseStep.DecisionDate)
            .Permit(CaseTrigger.SomethingMissing, CaseStep.CheckBackFix)
            .Permit(CaseTrigger.RemindLater, CaseStep.CheckBackLater)
            .Permit(CaseTrigger.Back, CaseStep.Complaint);
        machine.Configure(CaseStep.CheckBackLater)
            .Permit(CaseTrigger.Snoozed, CaseStep.CheckBack)
            .Permit(CaseTrigger.Back, CaseStep.CheckBack);
        machine.Configure(CaseStep.CheckBackFix)
            .Permit(CaseTrigger.Continue, CaseStep.CheckBack)
            .Permit(CaseTrigger.Back, CaseStep.CheckBack);
        machine.Configure(CaseStep.DecisionDate)
            .Permit(CaseTrigger.DecisionDateGiven, CaseStep.AwaitingDecision)
            .Permit(CaseTrigger.Back, CaseStep.CheckBack);
        machine.Configure(CaseStep.AwaitingDecision)
            .Permit(CaseTrigger.Accepted, CaseStep.RefundAmount)
            .Permit(CaseTrigger.Rejected, CaseStep.RejectionReason)
            .Permit(CaseTrigger.NotDecided, CaseStep.DecisionDate)
            .Permit(CaseTrigger.Back, CaseStep.DecisionDate);
        // A rejection leads to the routes at once: filing again is not always possible, so it is offered, not promised.
        machine.Configure(CaseStep.RejectionReason)
            .Permit(CaseTrigger.RejectionExplained, CaseStep.Escalation)
            .Permit(CaseTrigger.RejectionToType, CaseStep.RejectionDetail)
            .Permit(CaseTrigger.Back, CaseStep.AwaitingDecision);
        machine.Configure(CaseStep.RejectionDetail)
            .Permit(CaseTrigger.RejectionExplained, CaseStep.Escalation)
            .Permit(CaseTrigger.Back, CaseStep.RejectionReason);
        machine.Configure(CaseStep.RefileEvidence)
            .InternalTransition(CaseTrigger.EvidenceToggled, () => { })
            .Permit(CaseTrigger.Continue, CaseStep.Refile)
            .Permit(CaseTrigger.RefilingRefused, CaseStep.Escalation)
            .Permit(CaseTrigger.Back, CaseStep.Escalation);
        machine.Configure(CaseStep.Refile)
            .Permit(CaseTrigger.Filed, CaseStep.CheckBack)
            .Permit(CaseTrigger.EditEvidence, CaseStep.EditEvidence)
            .Permit(CaseTrigger.RefilingRefused, CaseStep.Escalation)
            .Permit(CaseTrigger.Back, CaseStep.RefileEvidence);
        machine.Configure(CaseStep.Escalation)
            .Permit(CaseTrigger.FileAgain, CaseStep.RefileEvidence)
            .PermitIf(CaseTrigger.Continue, CaseStep.Survey, NotFiled, "nothing filed yet: try the support chat anyway")
            .PermitIf(CaseTrigger.Back, CaseStep.Note, NotFiled, "nothing filed yet")
            .PermitIf(CaseTrigger.Back, CaseStep.RejectionReason, () => !NotFiled(), "after a rejection");
        machine.Configure(CaseStep.RefundAmount)
            .Permit(CaseTrigger.AmountGiven, CaseStep.RefundDate)
            .Permit(CaseTrigger.Back, CaseStep.AwaitingDecision);
        machine.Configure(CaseStep.RefundDate)
            .Permit(CaseTrigger.RefundDateGiven, CaseStep.AwaitingRefund)
            .Permit(CaseTrigger.Back, CaseStep.RefundAmount);
        machine.Configure(CaseStep.AwaitingRefund)
            .Permit(CaseTrigger.MoneyArrived, CaseStep.Closed)
            .Permit(CaseTrigger.MoneyMissing, CaseStep.RefundDate)
            .Permit(CaseTrigger.Back, CaseStep.RefundDate);

        machine.Configure(CaseStep.EditFacts)
            .Permit(CaseTrigger.EditFact, CaseStep.EditFact)
            .Permit(CaseTrigger.EditEvidence, CaseStep.EditEvidence)
            .PermitDynamic(CaseTrigger.EditDone, Return, "back to the step")
            .PermitDynamic(CaseTrigger.Back, Return, "back to the step");
        machine.Configure(CaseStep.EditFact)
            .PermitDynamic(CaseTrigger.EditDone, Return, "back to the step")
            .Permit(CaseTrigger.Back, CaseStep.EditFacts);
        machine.Configure(CaseStep.EditEvidence)
            .InternalTransition(CaseTrigger.EvidenceToggled, () => { })
            .PermitDynamic(CaseTrigger.EditDone, Return, "back to the step")
            .PermitDynamic(CaseTrigger.Back, Return, "back to the step");

        foreach (var step in Enum.GetValues<CaseStep>().Where(s => s.AllowsEditing()))
        {
            machine.Configure(step).Permit(CaseTrigger.EditFacts, CaseStep.EditFacts);
        }

        foreach (var step in Enum.GetValues<CaseStep>().Where(s => s != CaseStep.Closed))
        {
            machine.Configure(step).Permit(CaseTrigger.Close, CaseStep.Closed);
        }

        machine.Configure(CaseStep.Closed).PermitDynamic(CaseTrigger.Reopen, Return, "back to the step it was closed from");
    }

    /// <summary>A configured machine whose state is the step of whichever case it is bound to.</summary>
    private sealed class BoundMachine
    {
        public BoundMachine()
        {
            // Stateless reads the state once when it is built, before any case is bound.
            Machine = new StateMachine<CaseStep, CaseTrigger>(() => Case?.Step ?? CaseStep.OrderNumber, step => Case!.Step = step);
            Configure(Machine, () => Case!, () => AppealOpen);
        }

        public Case? Case { get; set; }

        public bool AppealOpen { get; set; } = true;

        public StateMachine<CaseStep, CaseTrigger> Machine { get; }
    }
}
