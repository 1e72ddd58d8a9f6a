namespace OneTimeBot.Testing;

/// <summary>Response bodies as Onetime Secret servers send them, from the v1 reference.</summary>
public static class RecordedShapes
{
    public const string OldMetadataKey = "qjpjroeit8wra0ojeyhcw5pjsgwtuq7";
    public const string OldSecretKey = "153l8vbwqx5taskp92pf05uvgjefvu9";
    public const string NewMetadataKey = "2f0w7hpyqxk1z3c8mj4rd6gnv9e5sbltau0oq2i8wx7yk3hdp1fj6zcmrn4b5s";
    public const string NewSecretKey = "7n3k9d2x5q8w1m4c6v0b7z2l5j8h1g4f6d3s9a0p2o5i7u1y4t8r6e3w9q0k5m";

    /// <summary>The reference's example: integers, 31-character keys, empty share domain.</summary>
    public const string ShareWithIntegers = """
        {"custid":"anon","metadata_key":"qjpjroeit8wra0ojeyhcw5pjsgwtuq7","secret_key":"153l8vbwqx5taskp92pf05uvgjefvu9",
         "ttl":3600,"metadata_ttl":7200,"secret_ttl":3600,"state":"new","updated":1324174006,"created":1324174006,
         "recipient":[],"share_domain":"","passphrase_required":false}
        """;

    /// <summary>As the published docs show it: numbers as strings, 62-character keys, null TTL and share domain, a lone recipient.</summary>
    public const string ShareWithStrings = """
        {"custid":"alice@example.com","metadata_key":"2f0w7hpyqxk1z3c8mj4rd6gnv9e5sbltau0oq2i8wx7yk3hdp1fj6zcmrn4b5s",
         "secret_key":"7n3k9d2x5q8w1m4c6v0b7z2l5j8h1g4f6d3s9a0p2o5i7u1y4t8r6e3w9q0k5m","ttl":"86400","metadata_ttl":"172800",
         "secret_ttl":null,"state":"new","updated":"1764150000","created":"1764150000","recipient":"bo*****b@e*****.com",
         "share_domain":null,"passphrase_required":"true"}
        """;

    public const string ShareOnCustomDomain = """
        {"custid":"alice@example.com","metadata_key":"qjpjroeit8wra0ojeyhcw5pjsgwtuq7","secret_key":"153l8vbwqx5taskp92pf05uvgjefvu9",
         "ttl":600,"metadata_ttl":1200,"state":"new","updated":1764150000,"created":1764150000,
         "recipient":["bo*****b@e*****.com"],"share_domain":"secrets.example.org","passphrase_required":false}
        """;

    public const string Generated = """
        {"custid":"anon","value":"Hk7#pQ2$mZx9","metadata_key":"qjpjroeit8wra0ojeyhcw5pjsgwtuq7","secret_key":"153l8vbwqx5taskp92pf05uvgjefvu9",
         "ttl":3600,"metadata_ttl":7200,"secret_ttl":3600,"state":"new","updated":1764150000,"created":1764150000,
         "recipient":[],"share_domain":"","passphrase_required":false}
        """;

    public const string ReceiptReceived = """
        {"custid":"anon","metadata_key":"qjpjroeit8wra0ojeyhcw5pjsgwtuq7","ttl":3600,"metadata_ttl":5000,"secret_ttl":null,
         "state":"received","updated":1764150600,"created":1764150000,"received":1764150600,"recipient":[],
         "share_domain":"","passphrase_required":false}
        """;

    public const string Burned = """
        {"state":{"custid":"anon","metadata_key":"qjpjroeit8wra0ojeyhcw5pjsgwtuq7","ttl":3600,"metadata_ttl":7000,
         "state":"burned","updated":1764150100,"created":1764150000,"recipient":[],"share_domain":"","passphrase_required":true},
         "secret_shortkey":"153l8vbw"}
        """;

    public const string Revealed = """{"value":"correct horse battery staple","secret_key":"153l8vbwqx5taskp92pf05uvgjefvu9","share_domain":""}""";

    public const string Recent = """
        [{"custid":"alice@example.com","metadata_key":"qjpjroeit8wra0ojeyhcw5pjsgwtuq7","ttl":"3600","metadata_ttl":"7000",
          "state":"viewed","updated":1764150100,"created":1764150000,"recipient":[],"share_domain":"","passphrase_required":false},
         {"custid":"alice@example.com","metadata_key":"2f0w7hpyqxk1z3c8mj4rd6gnv9e5sbltau0oq2i8wx7yk3hdp1fj6zcmrn4b5s","ttl":600,
          "metadata_ttl":1100,"state":"new","updated":1764150000,"created":1764150000,"recipient":["bo*****b@e*****.com"],
          "share_domain":"","passphrase_required":true}]
        """;

    public const string Nominal = """{"status":"nominal","locale":"en"}""";
}
