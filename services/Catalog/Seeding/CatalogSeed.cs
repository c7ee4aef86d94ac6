using Ecommerce.Catalog.Model;

namespace Ecommerce.Catalog.Seeding;

/// <summary>
/// The demo catalog, generated: the same products every time for a given count (a fixed random
/// seed, fixed dates, ids <c>seed-00001</c>…), so every replica and every profile seeds the same
/// thing, and pricing or inventory can be seeded for the same SKUs (<c>RUN-00001-1</c>…).
/// </summary>
public static class CatalogSeed
{
    public const int DefaultProductCount = 520;
    private const int RandomSeed = 20_250_101;
    private static readonly DateTimeOffset Epoch = new(2025, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private static readonly string[] Brands =
    [
        "Northwind", "Contoso", "Fabrikam", "Tailspin", "Woodgrove", "Adatum", "Litware", "Proseware", "Wingtip", "Alpine Ski House",
        "Coho", "Fourth Coffee", "Lucerne", "Margie's", "Trey Research", "Wide World", "Blue Yonder", "Humongous", "Relecloud", "VanArsdel",
    ];

    private static readonly string[] Adjectives =
    [
        "Swift", "Summit", "Trail", "Urban", "Classic", "Pro", "Ultra", "Lite", "Storm", "Everyday", "Peak", "Coastal", "Nordic", "Granite", "Aero",
    ];

    private static readonly string[] Colours = ["black", "white", "navy", "red", "green", "grey", "orange", "blue", "yellow", "olive"];

    private static readonly string[] Qualities =
    [
        "light", "durable", "comfortable", "waterproof", "breathable", "packable", "quiet", "warm", "versatile", "precise",
    ];

    public static IReadOnlyList<Category> Categories() => [.. SeedCategories.All()];

    public static IReadOnlyList<Product> Products(int count = DefaultProductCount)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        var random = new Random(RandomSeed);
        var leaves = SeedCategories.Departments.SelectMany(department => department.Leaves.Select(leaf => (department, leaf))).ToArray();
        var products = new List<Product>(count);
        for (var index = 1; index <= count; index++)
        {
            var (department, leaf) = leaves[(index - 1) % leaves.Length];
            products.Add(Product(random, index, department, leaf));
        }
        return products;
    }

    private static Product Product(Random random, int index, SeedCategories.Department department, SeedCategories.Leaf leaf)
    {
        var id = $"seed-{index:D5}";
        var brand = Pick(random, Brands);
        var kind = Pick(random, leaf.ProductKinds);
        var name = $"{brand} {Pick(random, Adjectives)} {kind} {index}";
        var material = Pick(random, department.AttributeValues);
        var qualities = $"{Pick(random, Qualities)} and {Pick(random, Qualities)}";
        var createdAt = Epoch.AddHours(index);

        var colours = random.GetItems(Colours, random.Next(1, 3)).Distinct().ToArray();
        var optionValues = random.GetItems([.. department.OptionValues], random.Next(1, 3)).Distinct().ToArray();
        var skuPrefix = leaf.Id[..3].ToUpperInvariant();
        var variants = colours
            .SelectMany(colour => optionValues.Select(value => (colour, value)))
            .Select((pair, number) => new ProductVariant(
                $"{skuPrefix}-{index:D5}-{number + 1}",
                new Dictionary<string, string> { [department.OptionName] = pair.value, ["colour"] = pair.colour },
                department.TypicalWeightGrams + random.Next(-department.TypicalWeightGrams / 4, department.TypicalWeightGrams / 4)))
            .ToArray();
        var media = Enumerable.Range(1, random.Next(1, 4))
            .Select(number => new ProductMedia(new Uri($"https://images.example.com/catalog/{id}/{number}.jpg"), $"{name}, view {number}", number))
            .ToArray();

        return new Product(
            Id: id,
            Name: name,
            Slug: Slugs.FromName(name),
            Description: $"The {name} is a {qualities} {kind.ToLowerInvariant()} in {material} by {brand}, for every day and every season.",
            Brand: brand,
            CategoryId: leaf.Id,
            Attributes: new Dictionary<string, string> { [department.AttributeName] = material },
            Variants: variants,
            Media: media,
            Status: index % 29 == 0 ? ProductStatus.Draft : index % 31 == 0 ? ProductStatus.Archived : ProductStatus.Active,
            Revision: 1,
            CreatedAt: createdAt,
            UpdatedAt: createdAt);
    }

    private static T Pick<T>(Random random, IReadOnlyList<T> items) => items[random.Next(items.Count)];
}
