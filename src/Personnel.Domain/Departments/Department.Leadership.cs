using Personnel.Domain.Common;

namespace Personnel.Domain.Departments;

public sealed partial class Department
{
    /// <summary>
    /// The order made by event <paramref name="order"/> reached <paramref name="head"/>, the head in the post when it was
    /// ordered (AM 第十七条). Recorded even when a correction rescinded the order meanwhile: the head then holds an order
    /// that no longer stands, and the rescission must follow it (<see cref="LeadershipOrder.Rescinded"/>).
    /// </summary>
    public void RecordLeadershipAdjustmentDelivered(long order, string head, DateOnly on)
    {
        var ordered = SettleableOrder(order, head);
        Raise(new LeadershipAdjustmentDelivered(on, ordered.Year, order, head));
    }

    /// <summary>
    /// 调整班子 (AM 第十七条): <paramref name="head"/> took the head post on <paramref name="headSince"/>, after the order
    /// made by event <paramref name="order"/>, in place of a head who was not there to receive it. That appointment is the
    /// adjustment: the order is discharged, recorded on the new head's first day, and does not reach them.
    /// </summary>
    public void DischargeLeadershipAdjustment(long order, string head, DateOnly headSince)
    {
        var ordered = SettleableOrder(order, head);
        RuleViolationException.ThrowUnless(
            !ordered.Rescinded, Rules.DepartmentLeadershipAdjustment,
            $"the leadership adjustment of {Name} for {ordered.Year} (ordered on {ordered.OrderedOn:yyyy-MM-dd}) was rescinded; there is nothing to discharge");
        RuleViolationException.ThrowUnless(
            headSince > ordered.OrderedOn, Rules.DepartmentLeadershipAdjustment,
            $"{head} has been head of {Name} since {headSince:yyyy-MM-dd}, not after the order of {ordered.OrderedOn:yyyy-MM-dd}: the order is theirs");
        Raise(new LeadershipAdjustmentDischarged(headSince, ordered.Year, order, head));
    }

    private LeadershipOrder SettleableOrder(long order, string head)
    {
        RuleViolationException.ThrowIfInvalid(
            !string.IsNullOrWhiteSpace(head), Rules.WellFormedInput, "the head's employee id is missing");
        var ordered = LeadershipOrderOf(order)
            ?? throw new RuleViolationException(Rules.DepartmentLeadershipAdjustment,
                $"event {order} of {Name} did not order a leadership adjustment", ViolationKind.NotFound);
        if (!ordered.IsUnsettled)
        {
            throw new RuleViolationException(Rules.DepartmentLeadershipAdjustment,
                ordered.DeliveredTo is { } to
                    ? $"the leadership adjustment of {Name} for {ordered.Year} already reached {to}"
                    : $"the leadership adjustment of {Name} for {ordered.Year} was already discharged by {ordered.DischargedBy}",
                ViolationKind.AlreadyExists);
        }

        return ordered;
    }
}
