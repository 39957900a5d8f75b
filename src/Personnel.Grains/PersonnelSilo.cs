using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Orleans.Configuration;
using Orleans.Serialization;
using Personnel.Domain.Employees;
using Personnel.Domain.Profiles;
using Personnel.Grains.Views;
using Personnel.Storage;

namespace Personnel.Grains;

/// <summary>
/// Puts the personnel grains into a silo: the CustomStorage log-consistency provider of the journaled employee grain,
/// the refusal filter, the serializer for the domain's value types, the services the grains take, the silo-local post
/// level view and the start-up task. The host supplies clustering, reminders and grain storage, an
/// <see cref="IEventStore"/>, a <see cref="PolicyProfile"/> and a <see cref="TimeProvider"/>.
/// </summary>
public static class PersonnelSilo
{
    /// <summary>The key of an optional <see cref="TimeProvider"/> for the post-level views alone (tests age their entries
    /// with a fake clock while Orleans keeps the real one).</summary>
    public const string ViewClockKey = "personnel-views";

    /// <summary>The key of the rules' <see cref="TimeProvider"/> (<see cref="GrainServices.TimeProvider"/>: what day it is in
    /// Asia/Shanghai when a due-dates reminder ticks); the unkeyed one when none is registered. Orleans keeps the unkeyed one,
    /// so a test that moves the rules' clock by years neither expires Orleans' messages nor fires its timers. The server
    /// registers its clock under this key (its ShanghaiClock.Key has the same value).</summary>
    public const string ClockKey = "personnel-clock";

    /// <summary>Adds the personnel grains to <paramref name="silo"/>.</summary>
    public static ISiloBuilder AddPersonnelGrains(this ISiloBuilder silo, PersonnelGrainOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(silo);
        var settings = options ?? new PersonnelGrainOptions();
        silo.AddCustomStorageBasedLogConsistencyProvider(GrainProviders.EventStore);
        silo.AddIncomingGrainCallFilter<RefusalCallFilter>();
        silo.AddStartupTask<PersonnelStartup>();
        // Reminders tick no faster than Orleans allows by default (one minute) unless the outbox period asks for less.
        silo.Configure<ReminderOptions>(o => o.MinimumReminderPeriod = settings.OutboxPeriod < o.MinimumReminderPeriod
            ? settings.OutboxPeriod
            : o.MinimumReminderPeriod);
        AddDomainSerializer(silo.Services);
        silo.Services.AddSingleton(sp => new GrainServices(
            sp.GetRequiredService<IEventStore>(),
            sp.GetRequiredService<PolicyProfile>(),
            sp.GetKeyedService<TimeProvider>(ClockKey) ?? sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<ILoggerFactory>(),
            settings.MaxAttempts,
            settings.OutboxPeriod,
            settings.SnapshotEvery));
        silo.Services.AddSingleton(sp => new PostLevelViews(
            sp.GetKeyedService<TimeProvider>(ViewClockKey) ?? sp.GetRequiredService<TimeProvider>(), settings.ViewMaxAge));
        silo.Services.AddSingleton<PostLevelReader>();
        return silo;
    }

    /// <summary>
    /// The domain's value types (ids, post levels, periods, grades, the events inside results) cross silos as JSON with
    /// the options their events are stored with; the grain contracts and exceptions have Orleans' generated serializers.
    /// The domain stays free of Orleans. Clients of the cluster need the same.
    /// </summary>
    public static IServiceCollection AddDomainSerializer(IServiceCollection services) =>
        services.AddSerializer(serializer => serializer.AddJsonSerializer(IsDomainType, CodecOptions));

    /// <summary>The stored events' options, except that a member the type does not know is skipped: an event that crosses
    /// as its concrete type (a grade in a grade list) carries the discriminator its base type writes.</summary>
    private static readonly JsonSerializerOptions CodecOptions = new(EventJson.Options)
    {
        UnmappedMemberHandling = System.Text.Json.Serialization.JsonUnmappedMemberHandling.Skip,
    };

    private static bool IsDomainType(Type type) =>
        type.Namespace?.StartsWith("Personnel.Domain", StringComparison.Ordinal) == true && !typeof(Exception).IsAssignableFrom(type);
}
