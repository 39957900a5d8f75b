using Personnel.Domain.Common;
using Personnel.Domain.Grading;
using Personnel.Domain.Posts;

namespace Personnel.Domain.Employees;

public sealed partial class Employee
{
    /// <summary>
    /// Appoints a person (AM 第六条, 第九条): a 3-year term capped at the retirement date; a probation
    /// for open recruitment (AM 第十三条); refused at the first competition with less than 3 years to
    /// retirement (AM 第十四条).
    /// </summary>
    public static Employee Appoint(DateOnly on, AppointmentRequest request, GradingPolicy? policy = null)
    {
        var employee = New(policy);
        employee.Hire(on, request);
        return employee;
    }

    /// <summary>
    /// Appoints the person of an empty stream (<see cref="Appoint"/> on an aggregate a grain has already
    /// loaded); refused with ALREADY_EXISTS when the stream holds a contract.
    /// </summary>
    public void Hire(DateOnly on, AppointmentRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (IsAppointed)
        {
            throw new RuleViolationException(Rules.AppointmentOnce, $"{Id} already holds a contract ({State})", ViolationKind.AlreadyExists);
        }

        var employment = Policy.Employment;
        RuleViolationException.ThrowIfInvalid(
            Enum.IsDefined(request.Method) && Enum.IsDefined(request.Probation) && Enum.IsDefined(request.Rank) && Enum.IsDefined(request.Education),
            Rules.WellFormedInput, "unknown appointment method, probation, rank or education");
        RuleViolationException.ThrowIfInvalid(
            (request.Method == AppointmentMethod.OpenRecruitment) == (request.Probation != ProbationKind.None),
            Rules.Probation,
            $"{request.Method} with probation {request.Probation}: open recruitment, and only open recruitment, carries a probation");
        RuleViolationException.ThrowIfInvalid(
            !request.FirstCompetition || request.Method == AppointmentMethod.Competition,
            Rules.AppointmentMethods, $"the first competition is a competition (竞争上岗), not {request.Method}");
        RuleViolationException.ThrowIfInvalid(
            request.RankSince <= on, Rules.WellFormedInput,
            $"the rank is held since {request.RankSince:yyyy-MM-dd}, after the appointment on {on:yyyy-MM-dd}");
        var maxProbation = request.Probation == ProbationKind.FirstJob ? employment.FirstJobProbationMonths : employment.ProbationMonths;
        var probationMonths = request.ProbationMonths ?? maxProbation;
        RuleViolationException.ThrowIfInvalid(
            request.Probation == ProbationKind.None || probationMonths is >= 1 && probationMonths <= maxProbation,
            Rules.Probation, $"a {request.Probation} probation lasts 1 to {maxProbation} months, not {probationMonths}");
        RuleViolationException.ThrowUnless(
            request.RetirementDate > on, Rules.Termination,
            $"the retirement date {request.RetirementDate:yyyy-MM-dd} is not after the appointment on {on:yyyy-MM-dd}");

        var trigger = request.Probation == ProbationKind.None ? ContractTrigger.AppointFormally : ContractTrigger.AppointOnProbation;
        EnsureAllowed(trigger, new ContractDecision(this, on, request));

        DateOnly? probationEnd = request.Probation == ProbationKind.None ? null : Min(on.AddMonths(probationMonths).AddDays(-1), request.RetirementDate);
        Raise(new EmployeeAppointed(
            on, request.EmployeeId, request.DepartmentId, request.PostLevel, request.Method, request.Probation, probationEnd,
            on, TermEndFrom(on, request.RetirementDate), request.RetirementDate, request.FirstCompetition,
            request.Rank, request.RankSince, request.Education));
    }

    /// <summary>Probation passed on or after its end: formal appointment (AM 第十三条).</summary>
    public void PassProbation(DateOnly on)
    {
        EnsureAppointed();
        EnsureNotBeforeAppointment(on);
        EnsureAllowed(ContractTrigger.PassProbation, on);
        Raise(new ProbationPassed(on));
    }

    /// <summary>Probation failed: the appointment is cancelled (取消聘任, AM 第十三条).</summary>
    public void FailProbation(DateOnly on, string reason)
    {
        EnsureAppointed();
        EnsureNotBeforeAppointment(on);
        RequireReason(reason);
        EnsureAllowed(ContractTrigger.FailProbation, on);
        Raise(new ProbationFailed(on, reason));
    }

    /// <summary>
    /// Promotes (提拔任职) to a higher post level on a 1-year trial (AM 第十三条); refused while a
    /// BasicallyCompetent year freezes promotion (AS 第二十条). The term continues (AM 第九条).
    /// </summary>
    public void Promote(DateOnly on, PostLevel to)
    {
        EnsureAppointed();
        EnsureNotBeforeAppointment(on);
        ArgumentNullException.ThrowIfNull(to);
        RuleViolationException.ThrowIfInvalid(
            (to.Post < PostLevel.Post && to.Post.Sequence() == PostLevel.Post.Sequence()) || to.Grade.IsHigherThan(PostLevel.Grade),
            Rules.PromotionTrial, $"{to} is not higher than the current {PostLevel}");
        EnsureAllowed(ContractTrigger.Promote, on);
        var trialEnd = Min(on.AddMonths(Policy.Employment.PromotionTrialMonths).AddDays(-1), RetirementDate);
        Raise(new PromotedOnTrial(on, to, PostLevel, trialEnd));
    }

    /// <summary>The promotion trial passed (AM 第十三条).</summary>
    public void PassTrial(DateOnly on)
    {
        EnsureAppointed();
        EnsureAllowed(ContractTrigger.PassTrial, on);
        Raise(new TrialPassed(on));
    }

    /// <summary>The promotion trial failed: back to the post level held before it (AM 第十三条).</summary>
    public void FailTrial(DateOnly on, string reason)
    {
        EnsureAppointed();
        RequireReason(reason);
        EnsureAllowed(ContractTrigger.FailTrial, on);
        Raise(new TrialFailed(on, TrialBefore!, reason));
    }

    /// <summary>
    /// Changes the post inside the term, in the same department: the contract is amended, the term
    /// continues (AM 第九条). A higher grade is refused while promotion is frozen (AS 第二十条).
    /// </summary>
    public void ChangePost(DateOnly on, PostLevel to, string reason)
    {
        EnsureAppointed();
        EnsureNotBeforeAppointment(on);
        ArgumentNullException.ThrowIfNull(to);
        RequireReason(reason);
        RuleViolationException.ThrowIfInvalid(to != PostLevel, Rules.PostChangeWithinTerm, $"the post level is already {to}");
        EnsureAllowed(ContractTrigger.ChangePost, on);
        if (to.Grade.IsHigherThan(PostLevel.Grade))
        {
            RuleViolationException.ThrowUnless(
                ContractGuards.PromotionNotFrozen.Violation(new ContractDecision(this, on)) is null, Rules.PromotionFreeze,
                $"{to.Grade} is higher than {PostLevel.Grade}: {ContractGuards.PromotionNotFrozen.Violation(new ContractDecision(this, on))}");
        }

        Raise(new PostChanged(on, to, reason));
    }

    /// <summary>Rotates (交流/轮岗) to another department or post: the consecutive-term count restarts (AM 第十二条).</summary>
    public void Rotate(DateOnly on, DepartmentId to, PostLevel level)
    {
        EnsureAppointed();
        EnsureNotBeforeAppointment(on);
        ArgumentNullException.ThrowIfNull(level);
        RuleViolationException.ThrowIfInvalid(
            to != Department || level.Post != PostLevel.Post, Rules.Rotation,
            $"a rotation changes the department or the post; {Id} stays {PostLevel.Post} in {to}");
        RuleViolationException.ThrowIfInvalid(
            !level.Grade.IsHigherThan(PostLevel.Grade) || ContractGuards.PromotionNotFrozen.Violation(new ContractDecision(this, on)) is null,
            Rules.PromotionFreeze, $"a rotation may not raise the grade to {level.Grade} while promotion is frozen until {PromotionFrozenUntil:yyyy-MM-dd}");
        EnsureAllowed(ContractTrigger.Rotate, on);
        Raise(new Rotated(on, to, level));
    }

    /// <summary>Opens the renewal decision as the term ends (AM 第九条).</summary>
    public void OpenRenewal(DateOnly on)
    {
        EnsureAppointed();
        EnsureAllowed(ContractTrigger.OpenRenewal, on);
        Raise(new RenewalOpened(on, TermEnd));
    }

    /// <summary>Renews (续聘) for the next term, which starts the day after the last ends and never runs past retirement (AM 第九条, 第十五条).</summary>
    public void Renew(DateOnly on)
    {
        EnsureAppointed();
        EnsureAllowed(ContractTrigger.Renew, on);
        var start = TermEnd.AddDays(1);
        Raise(new ContractRenewed(on, TermNumber + 1, start, TermEndFrom(start, RetirementDate)));
    }

    /// <summary>Does not renew: the contract ends with the term (AM 第十五条).</summary>
    public void DeclineRenewal(DateOnly on, string reason)
    {
        EnsureAppointed();
        RequireReason(reason);
        EnsureAllowed(ContractTrigger.DeclineRenewal, on);
        Raise(new RenewalDeclined(on, TermEnd, reason));
    }

    /// <summary>Resigns (AM 第十五条).</summary>
    public void Resign(DateOnly on)
    {
        EnsureAppointed();
        EnsureNotBeforeAppointment(on);
        EnsureAllowed(ContractTrigger.Resign, on);
        Raise(new EmployeeResigned(on));
    }

    /// <summary>Transfers out of the zone (AM 第十五条).</summary>
    public void TransferOut(DateOnly on, string destination)
    {
        EnsureAppointed();
        EnsureNotBeforeAppointment(on);
        RequireReason(destination);
        EnsureAllowed(ContractTrigger.TransferOut, on);
        Raise(new TransferredOut(on, destination));
    }

    /// <summary>Retires on or after the retirement date (AM 第十五条).</summary>
    public void Retire(DateOnly on)
    {
        EnsureAppointed();
        EnsureAllowed(ContractTrigger.Retire, on);
        Raise(new EmployeeRetired(on));
    }

    /// <summary>
    /// Dismisses for cause (辞聘, AM 第十八条). Cause (四) needs recorded absences past the thresholds
    /// (they dismiss by themselves when recorded: <see cref="RecordAbsence"/>); cause (五) follows an
    /// expulsion recorded with <see cref="RecordSanction"/>; the others carry HR's reason.
    /// </summary>
    public void Dismiss(DateOnly on, DismissalCause cause, string reason)
    {
        EnsureAppointed();
        EnsureNotBeforeAppointment(on);
        RequireReason(reason);
        RuleViolationException.ThrowIfInvalid(Enum.IsDefined(cause), Rules.Dismissal, $"dismissal cause {(int)cause} does not exist");
        if (cause == DismissalCause.AbsenceWithoutLeave)
        {
            RuleViolationException.ThrowUnless(
                AbsenceExceeding(on) is not null, Rules.AbsenceDismissal,
                $"the recorded absences of {Id} stay within {Policy.Employment.AbsenceConsecutiveDaysForDismissal} consecutive and {Policy.Employment.AbsenceDaysPerYearForDismissal} days a year");
        }

        if (cause == DismissalCause.Expelled)
        {
            RuleViolationException.ThrowUnless(
                _sanctions.Any(s => s.Kind == SanctionKind.Expulsion), Rules.Dismissal, $"no expulsion (开除) is recorded for {Id}");
        }

        EnsureAllowed(ContractTrigger.Dismiss, on);
        Raise(new EmployeeDismissed(on, cause, reason));
    }

    /// <summary>
    /// The department's yellow cards forced a leadership adjustment (AM 第十七条): sent by the
    /// department to its head, whose rotation becomes mandatory now (RULES §3).
    /// </summary>
    public void OrderLeadershipAdjustment(DateOnly on, DepartmentId department, int year)
    {
        EnsureAppointed();
        EnsureNotBeforeAppointment(on);
        RuleViolationException.ThrowUnless(
            department == Department && PostLevel.Post == Post.DepartmentHead, Rules.LeadershipAdjustment,
            $"the leadership adjustment of {department} moves its head; {Id} is {PostLevel.Post} of {Department}");
        EnsureAllowed(ContractTrigger.OrderLeadershipAdjustment, on);
        Raise(new LeadershipAdjustmentOrdered(on, department, year));
    }

    /// <summary>
    /// A correction of the department's assessment rescinded the leadership adjustment of <paramref name="year"/> that
    /// reached this head (AM 第十七条): the order is lifted, and the rotation is due as the terms alone give it. Refused
    /// when the head no longer holds it (moved out of the head post, which fulfilled it, or never received it).
    /// </summary>
    public void RescindLeadershipAdjustment(DateOnly on, DepartmentId department, int year)
    {
        EnsureAppointed();
        EnsureNotBeforeAppointment(on);
        RuleViolationException.ThrowUnless(
            _leadershipOrders.Any(o => o.DepartmentId == department && o.Year == year), Rules.LeadershipAdjustment,
            $"{Id} holds no leadership adjustment of {department} for {year} to rescind (is {PostLevel.Post} of {Department})");
        EnsureAllowed(ContractTrigger.RescindLeadershipAdjustment, on);
        Raise(new HeadLeadershipAdjustmentRescinded(on, department, year));
    }

    private DateOnly TermEndFrom(DateOnly start, DateOnly retirement) =>
        Min(start.AddYears(Policy.Employment.TermYears).AddDays(-1), retirement);

    private static DateOnly Min(DateOnly a, DateOnly b) => a < b ? a : b;

    private static void RequireReason(string? reason) =>
        RuleViolationException.ThrowIfInvalid(!string.IsNullOrWhiteSpace(reason), Rules.WellFormedInput, "a reason is required");
}
