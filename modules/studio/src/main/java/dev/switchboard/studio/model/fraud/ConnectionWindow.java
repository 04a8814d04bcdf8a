package dev.switchboard.studio.model.fraud;

/**
 * One source host's connections during one minute, summarised from simulated connection logs.
 *
 * @param minute           minutes since the simulation began
 * @param source           the source host's number
 * @param connections      connections opened
 * @param failedLogins     failed authentications
 * @param distinctPorts    distinct destination ports
 * @param distinctHosts    distinct destination hosts
 * @param unusualPorts     connections to ports outside the site's usual services
 * @param bytesOut         bytes sent
 * @param bytesIn          bytes received
 * @param attack           the injected attack, {@link NetworkAttack#NONE} when ordinary
 */
public record ConnectionWindow(long minute, int source, int connections, int failedLogins, int distinctPorts,
                               int distinctHosts, int unusualPorts, double bytesOut, double bytesIn,
                               NetworkAttack attack) {

    /** The source as an operator reads it: {@code 10.0.3.17}. */
    public String sourceName() {
        return "10.0." + (source / 250) + "." + (source % 250 + 2);
    }

    /** The features the isolation forest reads, in {@link #FEATURES} order. */
    public double[] features() {
        double hour = (minute / 60.0) % 24;
        return new double[] {Math.log1p(connections), Math.log1p(failedLogins), Math.log1p(distinctPorts),
            Math.log1p(distinctHosts), Math.log1p(unusualPorts), Math.log1p(bytesOut), Math.log1p(bytesIn),
            Math.cos(2 * Math.PI * hour / 24)};
    }

    /** The names of {@link #features()}. */
    public static final String[] FEATURES = {"connections", "failed_logins", "distinct_ports", "distinct_hosts",
        "unusual_ports", "bytes_out", "bytes_in", "hour"};
}
