package dev.switchboard.studio.engine.fraud;

import dev.switchboard.studio.model.fraud.ConnectionWindow;
import dev.switchboard.studio.model.fraud.NetworkAttack;
import java.util.SplittableRandom;

/**
 * Simulated connection logs of a site's hosts, summarised per host and minute: office traffic by day, a few
 * backups by night, people mistyping passwords; with injected brute-force logins, port scans and night-time
 * exfiltration. Seeded; not thread-safe.
 */
public final class ConnectionSimulator {

    private final SplittableRandom random;
    private final int hosts;
    private final double attackRate;
    private long minute;
    private int host;

    /**
     * @param hosts      source hosts on the site
     * @param attackRate chance that a host-minute is an attack
     */
    public ConnectionSimulator(long seed, int hosts, double attackRate) {
        this.random = new SplittableRandom(seed);
        this.hosts = hosts;
        this.attackRate = attackRate;
    }

    /** The next host-minute, host by host, minute by minute. */
    public ConnectionWindow next() {
        if (host == hosts) {
            host = 0;
            minute++;
        }
        int h = host++;
        double hour = (minute / 60.0) % 24;
        boolean office = hour >= 8 && hour < 19;
        if (random.nextDouble() < attackRate) {
            return attack(h);
        }
        // A host without connections writes no log lines, so has no window.
        int connections = Math.max(1, (int) Math.round(Math.exp((office ? 2.5 : 0.8) + random.nextGaussian() * 0.6)));
        int failed = random.nextDouble() < 0.01 ? 1 + random.nextInt(4) : 0;
        int ports = Math.min(connections, 1 + random.nextInt(4));
        int targets = Math.min(connections, 1 + random.nextInt(5));
        int unusual = random.nextDouble() < 0.02 ? 1 : 0;
        double out = connections * Math.exp(9 + random.nextGaussian());
        double in = connections * Math.exp(11 + random.nextGaussian());
        if (!office && h % 50 == 0 && minute % 60 < 3) {
            // A scheduled backup: a large upload for a few minutes every night hour, to the usual backup service.
            out = Math.exp(20 + random.nextGaussian() * 0.3);
        }
        return new ConnectionWindow(minute, h, connections, failed, ports, targets, unusual, out, in,
                NetworkAttack.NONE);
    }

    private ConnectionWindow attack(int h) {
        return switch (random.nextInt(3)) {
            case 0 -> new ConnectionWindow(minute, h, 40 + random.nextInt(200), 30 + random.nextInt(200), 1, 1, 0,
                    Math.exp(10 + random.nextGaussian()), Math.exp(10 + random.nextGaussian()),
                    NetworkAttack.BRUTE_FORCE);
            case 1 -> {
                int ports = 50 + random.nextInt(950);
                yield new ConnectionWindow(minute, h, ports + random.nextInt(50), 0, ports, 5 + random.nextInt(60),
                        ports / 2, Math.exp(11 + random.nextGaussian()), Math.exp(9 + random.nextGaussian()),
                        NetworkAttack.PORT_SCAN);
            }
            default -> new ConnectionWindow(minute, h, 2 + random.nextInt(5), 0, 1, 1, 1 + random.nextInt(3),
                    Math.exp(21 + random.nextGaussian() * 0.5), Math.exp(8 + random.nextGaussian()),
                    NetworkAttack.EXFILTRATION);
        };
    }
}
