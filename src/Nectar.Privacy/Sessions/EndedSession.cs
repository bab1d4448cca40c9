using Nectar.Core.Primitives;

namespace Nectar.Privacy.Sessions;

/// <summary>A session that has just ended, waiting (outside the lock) for its audit event and notification.</summary>
internal readonly record struct EndedSession(SessionId Id, Address Account, SessionEndReason Reason, DateTimeOffset At);
