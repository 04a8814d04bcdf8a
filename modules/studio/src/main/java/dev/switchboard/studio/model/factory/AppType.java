package dev.switchboard.studio.model.factory;

/** The kind of application. */
public enum AppType {
    WEB("Web application"),
    MOBILE("Mobile app"),
    API("API service"),
    MICROSERVICE("Microservices"),
    DESKTOP("Desktop application"),
    CLI("Command-line tool");

    private final String label;

    AppType(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
