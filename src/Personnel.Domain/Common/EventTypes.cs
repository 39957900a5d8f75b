namespace Personnel.Domain.Common;

/// <summary>
/// Every event-type name the service stores, in one place: the discriminators of the domain's events, the names the
/// grains give the events they add beside them, and the API keys' events. The names are written into the event store and
/// read back by every reader (the grains, the queries, <c>WatchEvents</c> callers), so they never change once written.
/// </summary>
public static class EventTypes
{
    /// <summary>The events of an employee stream (<see cref="Employees.EmployeeEvent"/>, discriminator <c>type</c>).</summary>
    public static class Employee
    {
        public const string EmployeeAppointed = "employee-appointed";
        public const string ProbationPassed = "probation-passed";
        public const string ProbationFailed = "probation-failed";
        public const string PromotedOnTrial = "promoted-on-trial";
        public const string TrialPassed = "trial-passed";
        public const string TrialFailed = "trial-failed";
        public const string PostChanged = "post-changed";
        public const string Rotated = "rotated";
        public const string RenewalOpened = "renewal-opened";
        public const string ContractRenewed = "contract-renewed";
        public const string RenewalDeclined = "renewal-declined";
        public const string EmployeeResigned = "employee-resigned";
        public const string TransferredOut = "transferred-out";
        public const string EmployeeRetired = "employee-retired";
        public const string EmployeeDismissed = "employee-dismissed";
        public const string ContractTerminated = "contract-terminated";
        public const string EmployeeReinstated = "employee-reinstated";
        public const string LeadershipAdjustmentOrdered = "leadership-adjustment-ordered";
        public const string HeadLeadershipAdjustmentRescinded = "leadership-adjustment-rescinded";
        public const string PostAdjustmentDue = "post-adjustment-due";
        public const string QualificationsRecorded = "qualifications-recorded";
        public const string SanctionRecorded = "sanction-recorded";
        public const string InvestigationOpened = "investigation-opened";
        public const string InvestigationClosed = "investigation-closed";
        public const string LeaveRecorded = "leave-recorded";
        public const string AbsenceRecorded = "absence-recorded";
        public const string OvertimeRecorded = "overtime-recorded";
        public const string LatenessRecorded = "lateness-recorded";
        public const string HealthIncapacityRecorded = "health-incapacity-recorded";
        public const string SecondmentRecorded = "secondment-recorded";
        public const string QuarterlyGradeRecorded = "quarterly-grade-recorded";
        public const string QuarterlyGradeCorrected = "quarterly-grade-corrected";
        public const string QuarterlyFollowUpDue = "quarterly-follow-up-due";
        public const string ExcellentProposed = "excellent-proposed";
        public const string AnnualGradeRecorded = "annual-grade-recorded";
        public const string AnnualGradeCorrected = "annual-grade-corrected";
        public const string AnnualConsequenceWithdrawn = "annual-consequence-withdrawn";
        public const string CommendationAwarded = "commendation-awarded";
        public const string MeritAwarded = "merit-awarded";
        public const string Admonished = "admonished";
        public const string PromotionFrozen = "promotion-frozen";
        public const string YearNotCounted = "year-not-counted";
        public const string Demoted = "demoted";
        public const string DemotionFloorReached = "demotion-floor-reached";
        public const string AnnualGradeAppealed = "annual-grade-appealed";
        public const string AppealResolved = "appeal-resolved";
        public const string DemotionReversed = "demotion-reversed";
        public const string RankingPlaceRecorded = "ranking-place-recorded";
        public const string RankingWarningIssued = "ranking-warning-issued";
        public const string RemovedForRanking = "removed-for-ranking";
        public const string AnnualFeedbackSigned = "annual-feedback-signed";
        public const string EligibilityWaived = "eligibility-waived";
    }

    /// <summary>The events of a department stream (<see cref="Departments.DepartmentEvent"/>, discriminator <c>$type</c>). Two names are
    /// shared with <see cref="Employee"/>: the head's copy of a leadership adjustment and of its rescission.</summary>
    public static class Department
    {
        public const string DepartmentCreated = "department-created";
        public const string DepartmentAssessed = "department-assessed";
        public const string DepartmentAssessmentCorrected = "department-assessment-corrected";
        public const string YellowCardIssued = "yellow-card-issued";
        public const string YellowCardWithdrawn = "yellow-card-withdrawn";
        public const string DepartmentLeadershipAdjustmentOrdered = "leadership-adjustment-ordered";
        public const string LeadershipAdjustmentRescinded = "leadership-adjustment-rescinded";
        public const string LeadershipAdjustmentDelivered = "leadership-adjustment-delivered";
        public const string LeadershipAdjustmentDischarged = "leadership-adjustment-discharged";
    }

    /// <summary>The events of a quota ledger stream (<see cref="Grading.QuotaEvent"/>).</summary>
    public static class Quota
    {
        public const string GoodQuotaGranted = "good-quota-granted";
        public const string ExcellentQuotaGranted = "excellent-quota-granted";
        public const string GoodQuotaReleased = "good-quota-released";
        public const string ExcellentQuotaReleased = "excellent-quota-released";
    }

    /// <summary>Events the employee grain records beside the domain's: the name is kept with the person, not the contract.</summary>
    public static class EmployeeGrain
    {
        /// <summary>The name given at appointment (JSON <c>{"name": …}</c>).</summary>
        public const string EmployeeNamed = "employee-named";

        /// <summary>A due date arrived (JSON <c>{"kind": …, "dueOn": …, "article": …}</c>); see docs/due-dates.md.</summary>
        public const string DueDateReached = "due-date-reached";
    }

    /// <summary>The events of the API keys' stream.</summary>
    public static class ApiKey
    {
        public const string ApiKeyCreated = "ApiKeyCreated";
        public const string ApiKeyRevoked = "ApiKeyRevoked";
    }
}
