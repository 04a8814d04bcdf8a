package dev.switchboard.calltaking.engine.caller;

import java.util.Optional;
import java.util.Set;

/**
 * The simulated caller of one call. Times ({@code atMs}) are milliseconds on the call log's clock: since the call
 * started ringing. Scripted scenario events fire on the first call whose {@code atMs} reaches their time; the
 * session's tick should call {@link #silence} regularly (say every second) so they fire on time even while the
 * trainee says nothing. Not thread-safe: one call session drives it from one thread at a time.
 */
public interface CallerEngine {

    /** The caller's first words when the trainee answers. */
    CallerTurn opening();

    /**
     * The caller's answer to one trainee line.
     *
     * @param intents what the line was classified as ({@link IntentClassifier#classify})
     */
    CallerTurn reply(String traineeLine, Set<Intent> intents, long atMs);

    /**
     * Reaction to the trainee saying nothing for {@code silentMs}: "Hello? Are you still there?" after about 8 s
     * (and again every further 10 s), or a scripted event falling due. Empty when the caller says nothing now.
     */
    Optional<CallerTurn> silence(long silentMs, long atMs);

    /** The caller's words when the trainee comes back from holding for {@code heldMs}; longer is angrier. */
    CallerTurn held(long heldMs, long atMs);

    /** The current emotion: 0 calm .. 1 panic. */
    double emotion();

    /** Ids of every fact given away so far. */
    Set<String> revealedFacts();
}
