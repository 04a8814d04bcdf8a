package dev.switchboard.uikit;

/** See {@link TaskRunner#direct()}. */
final class DirectTaskRunner implements TaskRunner {

    private static final TaskHandle DONE = new TaskHandle() {
        @Override
        public void cancel() {
            // The work has already ended when the caller gets this handle.
        }

        @Override
        public boolean isDone() {
            return true;
        }

        @Override
        public boolean isCancelled() {
            return false;
        }
    };

    @Override
    public <T> TaskHandle execute(BackgroundTask<T> task) {
        task.running();
        T value;
        try {
            value = task.call();
        } catch (Exception e) {
            try {
                task.failed(e);
            } finally {
                task.finished();
            }
            return DONE;
        }
        try {
            task.succeeded(value);
        } finally {
            task.finished();
        }
        return DONE;
    }
}
