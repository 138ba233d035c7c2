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

    public CaseFlow(Case @case)
    {
        _case = @case;
        _bound = Idle.TryTake(out var idle) ? idle : new BoundMachine();
        _bound.Case = @case;
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

    public bool ChooseProblem(ProblemKind problem) => Fire(CaseTrigger.ProblemChosen, () => _case.Problem = problem);

    public bool ChooseDisputeClaim(Compensation claim) => Fire(CaseTrigger.ClaimChosen, () =>
    {
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

    public bool GiveClosedDate(DateOnly closedOn) => Fire(CaseTrigger.ClosedDateGiven, () =>
    {
        _case.DisputeClosedOn = closedOn;
        _case.ReasonsAnswered = 0;
        _case.Reasons = LossReasons.None;
    });

    /// <summary>Answers the current loss-reason question; after the last one the advice follows.</summary>
    public bool AnswerReason(bool applies)
    {
        var questions = LossReasonQuestions.For(_case);
        if (!Fire(CaseTrigger.ReasonAnswered, () =>
            {
                if (applies)
                {
                    _case.Reasons |= questions[_case.ReasonsAnswered];
                }

                _case.ReasonsAnswered++;
            }))
        {
            return false;
        }

        if (_case.ReasonsAnswered >= questions.Count)
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

    public bool FileComplaint(DateOnly today, DateTimeOffset checkBackDue) => Fire(CaseTrigger.Filed, () =>
    {
        _case.Filings++;
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

    public bool ReportRejected() => Fire(CaseTrigger.Rejected, () => _case.Rejections++);

    public bool ReportNotDecided() => Fire(CaseTrigger.NotDecided, () => _case.DecisionDelays++);

    public bool GiveRefundDate(DateOnly due) => Fire(CaseTrigger.RefundDateGiven, () => _case.RefundDue = due);

    public bool ConfirmMoneyArrived() => Fire(CaseTrigger.MoneyArrived, () => _case.Outcome = CaseOutcome.Won);

    public bool ReportMoneyMissing() => Fire(CaseTrigger.MoneyMissing);

    public bool FileAgain() => Fire(CaseTrigger.FileAgain);

    /// <summary>Closes the case for good: the money came back some other way, or the user gives up.</summary>
    public bool Close(CaseOutcome outcome) => Fire(CaseTrigger.Close, () => _case.Outcome = outcome);

    /// <summary>One step back; within the loss-reason questions, one question back.</summary>
    public bool Back() => _case.Step switch
    {
        CaseStep.LossReasons when _case.ReasonsAnswered > 0 => StepBackOneQuestion(),
        CaseStep.Advice => Fire(CaseTrigger.Back) && StepBackOneQuestion(),
        _ => Fire(CaseTrigger.Back),
    };

    /// <summary>The machine's graph in Mermaid syntax, for docs/conversation.md.</summary>
    public static string MermaidGraph()
    {
        var machine = new StateMachine<CaseStep, CaseTrigger>(CaseStep.OrderNumber);
        var blank = new Case { UserId = 0, CreatedAt = DateTimeOffset.UnixEpoch };
        Configure(machine, () => blank);
        return Stateless.Graph.MermaidGraph.Format(machine.GetInfo());
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
    private static void Configure(StateMachine<CaseStep, CaseTrigger> machine, Func<Case> current)
    {
        bool DisputeWasPartial() => current().DisputeClaim == Compensation.PartialRefund;
        bool AsksPartial() => current().Compensation == Compensation.PartialRefund;
        bool FirstRejection() => current().Rejections < 2;

        machine.Configure(CaseStep.OrderNumber)
            .Permit(CaseTrigger.OrderNumberGiven, CaseStep.Problem);
        machine.Configure(CaseStep.Problem)
            .Permit(CaseTrigger.ProblemChosen, CaseStep.DisputeClaim)
            .Permit(CaseTrigger.Back, CaseStep.OrderNumber);
        machine.Configure(CaseStep.DisputeClaim)
            .PermitIf(CaseTrigger.ClaimChosen, CaseStep.DisputeAmount, DisputeWasPartial, "partial refund")
            .PermitIf(CaseTrigger.ClaimChosen, CaseStep.ClosedDate, () => !DisputeWasPartial(), "full refund or return")
            .Permit(CaseTrigger.Back, CaseStep.Problem);
        machine.Configure(CaseStep.DisputeAmount)
            .Permit(CaseTrigger.AmountGiven, CaseStep.ClosedDate)
            .Permit(CaseTrigger.Back, CaseStep.DisputeClaim);
        machine.Configure(CaseStep.ClosedDate)
            .Permit(CaseTrigger.ClosedDateGiven, CaseStep.LossReasons)
            .PermitIf(CaseTrigger.Back, CaseStep.DisputeAmount, DisputeWasPartial, "partial refund")
            .PermitIf(CaseTrigger.Back, CaseStep.DisputeClaim, () => !DisputeWasPartial(), "full refund or return");
        machine.Configure(CaseStep.LossReasons)
            .InternalTransition(CaseTrigger.ReasonAnswered, () => { })
            .Permit(CaseTrigger.ReasonsDone, CaseStep.Advice)
            .Permit(CaseTrigger.Back, CaseStep.ClosedDate);
        machine.Configure(CaseStep.Advice)
            .Permit(CaseTrigger.Continue, CaseStep.Evidence)
            .Permit(CaseTrigger.Back, CaseStep.LossReasons);
        machine.Configure(CaseStep.Evidence)
            .InternalTransition(CaseTrigger.EvidenceToggled, () => { })
            .Permit(CaseTrigger.Continue, CaseStep.Compensation)
            .Permit(CaseTrigger.Back, CaseStep.Advice);
        machine.Configure(CaseStep.Compensation)
            .PermitIf(CaseTrigger.CompensationChosen, CaseStep.CompensationAmount, AsksPartial, "partial refund")
            .PermitIf(CaseTrigger.CompensationChosen, CaseStep.Survey, () => !AsksPartial(), "full refund or return")
            .Permit(CaseTrigger.Back, CaseStep.Evidence);
        machine.Configure(CaseStep.CompensationAmount)
            .Permit(CaseTrigger.AmountGiven, CaseStep.Survey)
            .Permit(CaseTrigger.Back, CaseStep.Compensation);

        machine.Configure(CaseStep.Survey)
            .Permit(CaseTrigger.Continue, CaseStep.SupportChat)
            .Permit(CaseTrigger.Back, CaseStep.Compensation);
        machine.Configure(CaseStep.SupportChat)
            .Permit(CaseTrigger.Continue, CaseStep.Complaint)
            .Permit(CaseTrigger.Back, CaseStep.Survey);
        machine.Configure(CaseStep.Complaint)
            .Permit(CaseTrigger.Filed, CaseStep.CheckBack)
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
            .PermitIf(CaseTrigger.Rejected, CaseStep.Refile, FirstRejection, "first rejection")
            .PermitIf(CaseTrigger.Rejected, CaseStep.Escalation, () => !FirstRejection(), "rejected again")
            .Permit(CaseTrigger.NotDecided, CaseStep.DecisionDate)
            .Permit(CaseTrigger.Back, CaseStep.DecisionDate);
        machine.Configure(CaseStep.Refile)
            .Permit(CaseTrigger.Filed, CaseStep.CheckBack)
            .Permit(CaseTrigger.Back, CaseStep.AwaitingDecision);
        machine.Configure(CaseStep.Escalation)
            .Permit(CaseTrigger.FileAgain, CaseStep.Refile)
            .Permit(CaseTrigger.Back, CaseStep.AwaitingDecision);
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

        foreach (var step in Enum.GetValues<CaseStep>().Where(s => s != CaseStep.Closed))
        {
            machine.Configure(step).Permit(CaseTrigger.Close, CaseStep.Closed);
        }
    }

    /// <summary>A configured machine whose state is the step of whichever case it is bound to.</summary>
    private sealed class BoundMachine
    {
        public BoundMachine()
        {
            // Stateless reads the state once when it is built, before any case is bound.
            Machine = new StateMachine<CaseStep, CaseTrigger>(() => Case?.Step ?? CaseStep.OrderNumber, step => Case!.Step = step);
            Configure(Machine, () => Case!);
        }

        public Case? Case { get; set; }

        public StateMachine<CaseStep, CaseTrigger> Machine { get; }
    }
}
