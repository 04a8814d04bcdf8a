package dev.switchboard.app;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** Name and version of this build, from the filtered {@code build.properties}. */
public record BuildInfo(String name, String version) {

    /** The facts of the running build; "development" when run from an unfiltered tree. */
    public static BuildInfo current() {
        Properties p = new Properties();
        try (InputStream in = BuildInfo.class.getResourceAsStream("build.properties")) {
            if (in != null) {
                p.load(in);
            }
        } catch (IOException e) {
            // A missing version is not worth failing start-up for.
            return new BuildInfo("Switchboard", "development");
        }
        String version = p.getProperty("version", "development");
        return new BuildInfo(p.getProperty("name", "Switchboard"), version.startsWith("${") ? "development" : version);
    }
}
