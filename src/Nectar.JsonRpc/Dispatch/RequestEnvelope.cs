using System.Text.Json;

namespace Nectar.JsonRpc.Dispatch;

/// <summary>One request of a payload, as offsets into the payload bytes: nothing is copied or decoded yet.</summary>
internal struct RequestEnvelope
{
    /// <summary>Offset of the raw id token (strings include their quotes); the id is echoed byte for byte.</summary>
    public int IdStart;

    public int IdLength;

    /// <summary><see cref="JsonTokenType.None"/> when absent (a notification), else Null, Number or String.</summary>
    public JsonTokenType IdKind;

    public int MethodStart;

    public int MethodLength;

    public bool MethodEscaped;

    public int ParamsStart;

    public int ParamsLength;

    /// <summary><see cref="JsonTokenType.None"/> when absent, else StartArray or StartObject.</summary>
    public JsonTokenType ParamsKind;

    /// <summary>Non-zero when the request is invalid: the error to answer with.</summary>
    public int ErrorCode;

    public string? ErrorMessage;

    /// <summary>A valid request without an id: it is executed but never answered.</summary>
    public readonly bool IsNotification => IdKind == JsonTokenType.None && ErrorCode == 0;
}
