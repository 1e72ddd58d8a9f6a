using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection.Repositories;

namespace OneTimeBot.Core.Storage.Sqlite;

/// <summary>The Data Protection key ring in the same SQLite file as the data it protects.</summary>
public sealed class SqliteXmlRepository(SqliteDatabase database, TimeProvider time) : IXmlRepository
{
    public IReadOnlyCollection<XElement> GetAllElements()
    {
        using var connection = database.Open(SqliteStateSchema.Tables);
        using var select = connection.CreateCommand();
        select.CommandText = "SELECT xml FROM bot_data_protection_keys ORDER BY created";
        using var reader = select.ExecuteReader();
        var elements = new List<XElement>();
        while (reader.Read())
        {
            elements.Add(XElement.Parse(reader.GetString(0)));
        }

        return elements;
    }

    public void StoreElement(XElement element, string friendlyName)
    {
        ArgumentNullException.ThrowIfNull(element);
        using var connection = database.Open(SqliteStateSchema.Tables);
        using var insert = connection.CreateCommand();
        insert.CommandText = "INSERT OR REPLACE INTO bot_data_protection_keys (name, xml, created) VALUES ($name, $xml, $created)";
        insert.Parameters.AddWithValue("$name", string.IsNullOrEmpty(friendlyName) ? Guid.NewGuid().ToString() : friendlyName);
        insert.Parameters.AddWithValue("$xml", element.ToString(SaveOptions.DisableFormatting));
        insert.Parameters.AddWithValue("$created", time.GetUtcNow().ToUnixTimeMilliseconds());
        insert.ExecuteNonQuery();
    }
}
