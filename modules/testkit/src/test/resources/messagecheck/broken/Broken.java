package demo;

/** Fixture: names a key the file lacks and leaves one key of the file unused. */
class Broken {
    String hello = messages.get("demo.greeting.hello");
    String typo = messages.get("demo.greeting.helo");
    String named = messages.get("demo.greeting.named", "Ann");
    /* messages.get("demo.greeting.unused") is commented out, so it does not count */
}
