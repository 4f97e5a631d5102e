// A few sentences written for this example (no external data), so the app runs without arguments.
internal static class BuiltInCorpus
{
    public static readonly string[] Sentences =
    [
        "the quick red fox jumps over the lazy dog",
        "the quick red fox jumps over the fence",
        "the quick brown fox jumps over the lazy cat",
        "a quick brown fox jumps high",
        "the lazy dog sleeps in the sun",
        "the lazy cat sleeps all day",
        "the red fox runs into the woods",
        "the dog runs after the red fox",
        "a red fox just ran away",
        "the quick dog jumps over the lazy fox",
        "the cat jumps over the dog",
        "a lazy dog and a lazy cat sleep in the sun",
    ];
}
