namespace OneTimeBot.Testing;

/// <summary>
/// The ways a Onetime Secret backend fails in the field, each with what the user must be told and how many times the
/// share may reach the backend: once unless the backend said it did nothing (a 503 may be retried twice).
/// </summary>
public static class BackendFaults
{
    public static readonly IReadOnlyDictionary<string, (FakeResponse Answer, string Says, int MaxAttempts)> All =
        new Dictionary<string, (FakeResponse, string, int)>(StringComparer.Ordinal)
        {
            // A proxy's or captive portal's page where the API should be.
            ["html-instead-of-json"] = (new FakeResponse(200, "<html><body><h1>Welcome to nginx!</h1></body></html>"), "is not answering right now", 1),
            ["json-that-is-not-a-receipt"] = (FakeResponse.Json("""{"status":"ok","data":[1,2,3]}"""), "is not answering right now", 1),
            ["truncated-json"] = (FakeResponse.Json("""{"custid":"anon","metadata_key":"abc"""), "is not answering right now", 1),
            ["server-error-500"] = (FakeResponse.ServerError(500), "is not answering right now", 1),
            ["bad-gateway-502"] = (FakeResponse.ServerError(502), "is not answering right now", 1),
            ["unavailable-503"] = (FakeResponse.ServerError(503), "is not answering right now", 3),
            ["rate-limited-429-retry-after-30"] = (FakeResponse.Json("""{"message":"Rate limit exceeded"}""", 429).WithHeader("Retry-After", "30"), "Try again in 30 seconds.", 1),
        };

    public static IEnumerable<object[]> Names => All.Keys.Select(k => new object[] { k });
}
