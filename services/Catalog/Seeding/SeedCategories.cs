using Ecommerce.Catalog.Model;

namespace Ecommerce.Catalog.Seeding;

/// <summary>The demo catalog's category tree: six departments, 24 leaf categories, and what their products look like.</summary>
internal static class SeedCategories
{
    public static IReadOnlyList<Department> Departments { get; } =
    [
        new("shoes", "Shoes", "size", ["38", "39", "40", "41", "42", "43", "44", "45", "46"], "material", ["mesh", "knit", "leather", "suede"], 650,
        [
            new("running-shoes", "Running shoes", ["Road Runner", "Tempo Trainer", "Racing Flat", "Daily Trainer"]),
            new("trail-shoes", "Trail shoes", ["Trail Runner", "Mountain Racer", "Fell Shoe", "Ultra Trail"]),
            new("hiking-boots", "Hiking boots", ["Hiking Boot", "Trekking Boot", "Approach Shoe", "Winter Boot"]),
            new("sandals", "Sandals", ["Sport Sandal", "Flip Flop", "Recovery Slide", "Water Shoe"]),
        ]),
        new("clothing", "Clothing", "size", ["XS", "S", "M", "L", "XL", "XXL"], "material", ["merino", "cotton", "recycled polyester", "down", "nylon"], 300,
        [
            new("jackets", "Jackets", ["Rain Jacket", "Down Jacket", "Softshell", "Wind Shell"]),
            new("t-shirts", "T-shirts", ["Crew Tee", "Tech Tee", "Long Sleeve Tee", "Graphic Tee"]),
            new("trousers", "Trousers", ["Hiking Pant", "Running Tight", "Cargo Trouser", "Track Pant"]),
            new("socks", "Socks", ["Crew Sock", "Running Sock", "Hiking Sock", "Ankle Sock"]),
        ]),
        new("camping", "Camping", "capacity", ["1 person", "2 person", "3 person", "4 person"], "season", ["3-season", "4-season", "summer"], 1800,
        [
            new("tents", "Tents", ["Backpacking Tent", "Tunnel Tent", "Dome Tent", "Bivy"]),
            new("sleeping-bags", "Sleeping bags", ["Down Sleeping Bag", "Synthetic Sleeping Bag", "Quilt", "Liner"]),
            new("camp-kitchen", "Camp kitchen", ["Gas Stove", "Titanium Pot", "Spork", "Water Filter"]),
            new("lighting", "Lighting", ["Head Torch", "Lantern", "Bike Light", "Camp Light"]),
        ]),
        new("cycling", "Cycling", "size", ["S", "M", "L", "XL"], "material", ["carbon", "aluminium", "steel", "polycarbonate"], 900,
        [
            new("helmets", "Helmets", ["Road Helmet", "MTB Helmet", "Commuter Helmet", "Aero Helmet"]),
            new("cycling-jerseys", "Cycling jerseys", ["Race Jersey", "Gravel Jersey", "Thermal Jersey", "Gilet"]),
            new("bike-bags", "Bike bags", ["Saddle Bag", "Frame Bag", "Pannier", "Handlebar Bag"]),
            new("bike-tools", "Bike tools", ["Multi Tool", "Mini Pump", "Chain Checker", "Tyre Levers"]),
        ]),
        new("kitchen", "Kitchen", "capacity", ["0.5 l", "1 l", "1.7 l", "2 l"], "material", ["stainless steel", "cast iron", "ceramic", "glass"], 1200,
        [
            new("cookware", "Cookware", ["Frying Pan", "Sauce Pan", "Dutch Oven", "Wok"]),
            new("kettles", "Kettles", ["Electric Kettle", "Stovetop Kettle", "Gooseneck Kettle", "Travel Kettle"]),
            new("coffee", "Coffee", ["Espresso Machine", "Pour Over", "French Press", "Coffee Grinder"]),
            new("knives", "Knives", ["Chef Knife", "Paring Knife", "Bread Knife", "Santoku"]),
        ]),
        new("electronics", "Electronics", "storage", ["32 GB", "64 GB", "128 GB", "256 GB"], "connectivity", ["bluetooth", "wifi", "usb-c", "wired"], 250,
        [
            new("headphones", "Headphones", ["Over Ear Headphones", "Earbuds", "Sport Earphones", "Studio Monitor"]),
            new("speakers", "Speakers", ["Bluetooth Speaker", "Smart Speaker", "Soundbar", "Bookshelf Speaker"]),
            new("watches", "Watches", ["GPS Watch", "Smartwatch", "Fitness Band", "Dive Computer"]),
            new("cameras", "Cameras", ["Action Camera", "Mirrorless Camera", "Instant Camera", "Dash Cam"]),
        ]),
    ];

    public static IEnumerable<Category> All() =>
        Departments.SelectMany(department =>
            department.Leaves.Select(leaf => new Category(leaf.Id, leaf.Name, department.Id))
                .Prepend(new Category(department.Id, department.Name, null)));

    /// <summary>A top-level category and how its products vary: the variant option with its values, one attribute with its values, a typical weight.</summary>
    public sealed record Department(
        string Id,
        string Name,
        string OptionName,
        IReadOnlyList<string> OptionValues,
        string AttributeName,
        IReadOnlyList<string> AttributeValues,
        int TypicalWeightGrams,
        IReadOnlyList<Leaf> Leaves);

    /// <summary>A category products are filed under, with the kinds of product it holds.</summary>
    public sealed record Leaf(string Id, string Name, IReadOnlyList<string> ProductKinds);
}
