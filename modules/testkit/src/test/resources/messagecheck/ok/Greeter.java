package demo;

/** Fixture: every key it names is in messages.properties; quotes in odd places must not confuse the scan. */
class Greeter {
    // "demo.only.in.a.comment" is not a use and not missing
    char quote = '"';
    String text = """
            "demo.inside.text.block" is neither used nor missing
            """;
    String hello = messages.get("demo.greeting.hello");
    String other = "other.module.key";
    String escaped = "a \" quote";
}
