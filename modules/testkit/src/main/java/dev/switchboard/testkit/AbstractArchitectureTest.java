package dev.switchboard.testkit;

import java.util.Objects;
import org.junit.jupiter.api.Test;

/**
 * Base of each module's {@code ArchitectureTest}: the subclass names the module's root package and
 * inherits one test that checks every {@link ArchitectureRules} rule against its production classes.
 *
 * <pre>{@code
 * class ArchitectureTest extends AbstractArchitectureTest {
 *     ArchitectureTest() {
 *         super("dev.switchboard.city");
 *     }
 * }
 * }</pre>
 */
public abstract class AbstractArchitectureTest {

    private final String rootPackage;

    protected AbstractArchitectureTest(String rootPackage) {
        this.rootPackage = Objects.requireNonNull(rootPackage, "rootPackage");
    }

    @Test
    public void productionClassesFollowTheArchitectureRules() {
        ArchitectureRules.checkAll(rootPackage);
    }
}
