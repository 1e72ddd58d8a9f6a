using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection.Repositories;

namespace OneTimeBot.Core.Storage.Redis;

/// <summary>The Data Protection key ring in Redis, one hash field per key, so every replica uses the same keys.</summary>
public sealed class RedisXmlRepository(RedisConnection redis) : IXmlRepository
{
    public IReadOnlyCollection<XElement> GetAllElements() =>
        redis.Database().HashGetAll(Key).Select(entry => XElement.Parse(entry.Value.ToString())).ToArray();

    public void StoreElement(XElement element, string friendlyName)
    {
        ArgumentNullException.ThrowIfNull(element);
        redis.Database().HashSet(Key, string.IsNullOrEmpty(friendlyName) ? Guid.NewGuid().ToString() : friendlyName, element.ToString(SaveOptions.DisableFormatting));
    }

    private string Key => redis.KeyPrefix + "data-protection-keys";
}
