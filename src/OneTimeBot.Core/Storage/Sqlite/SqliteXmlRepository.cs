using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection.Repositories;

namespace OneTimeBot.Core.Storage.Sqlite;

/// <summary>The Data Protection key ring in the same SQLite file as the data it protects.</summary>
public sealed class SqliteXmlRepository(SqliteDatabase database, TimeProvider time) : IXmlRepository
{
    public IReadOnlyCollection<XElement> GetAllElements() =>
        database.Read(SqliteStateSchema.Tables, statements =>
        {
            using var reader = statements.Prepare("SELECT xml FROM bot_data_protection_keys ORDER BY created", []).ExecuteReader();
            var elements = new List<XElement>();
            while (reader.Read())
            {
                elements.Add(XElement.Parse(reader.GetString(0)));
            }

            return elements;
        });

    public void StoreElement(XElement element, string friendlyName)
    {
        ArgumentNullException.ThrowIfNull(element);
        database.Write(SqliteStateSchema.Tables, statements => statements.Execute(
            "INSERT OR REPLACE INTO bot_data_protection_keys (name, xml, created) VALUES ($name, $xml, $created)",
            [
                ("$name", string.IsNullOrEmpty(friendlyName) ? Guid.NewGuid().ToString() : friendlyName),
                ("$xml", element.ToString(SaveOptions.DisableFormatting)),
                ("$created", time.GetUtcNow().ToUnixTimeMilliseconds()),
            ]));
    }
}
