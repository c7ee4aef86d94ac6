namespace Ecommerce.DaprLocal.State;

/// <summary>
/// A state query that cannot be run: malformed JSON, an unknown filter, a bad sort order or page
/// token. The message names the offending part and is meant for the caller (HTTP 400).
/// </summary>
public sealed class StateQueryException(string message, Exception? inner = null) : Exception(message, inner);
