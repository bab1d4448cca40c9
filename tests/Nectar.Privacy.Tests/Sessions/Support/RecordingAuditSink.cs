using System.Collections.Concurrent;
using Nectar.Privacy.Sessions;

namespace Nectar.Privacy.Tests.Sessions.Support;

/// <summary>The in-memory audit recorder: keeps every event in order.</summary>
public sealed class RecordingAuditSink : ISessionAuditSink
{
    private readonly ConcurrentQueue<SessionAuditEvent> _events = new();

    public Func<SessionAuditEvent, bool>? FailWhen { get; set; }

    public IReadOnlyList<SessionAuditEvent> Events => [.. _events];

    public void Record(SessionAuditEvent auditEvent)
    {
        if (FailWhen?.Invoke(auditEvent) == true)
        {
            throw new InvalidOperationException("audit store unavailable");
        }

        _events.Enqueue(auditEvent);
    }

    public IReadOnlyList<SessionAuditEvent> OfKind(SessionAuditKind kind) => [.. _events.Where(e => e.Kind == kind)];
}
