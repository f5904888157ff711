package com.acme.inventory.command.infrastructure;

import com.acme.inventory.api.ErrorCode;
import com.acme.inventory.api.RuleViolation;
import com.acme.inventory.command.inventory.StockRuleViolation;
import com.acme.inventory.platform.database.DatabaseFailures;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import org.axonframework.commandhandling.CommandCallback;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.GenericCommandResultMessage;
import org.axonframework.commandhandling.SimpleCommandBus;
import org.axonframework.common.Registration;
import org.axonframework.common.lock.LockAcquisitionFailedException;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.messaging.DefaultInterceptorChain;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandler;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.ResultMessage;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.RollbackConfiguration;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.dao.DuplicateKeyException;

/**
 * Axon's command bus with group commit. Commands queue for one writer thread; every command that arrived
 * while a transaction was in flight goes into the next one (up to {@code maxBatch}, in arrival order, so
 * no product waits behind another's backlog). In that transaction each command runs in its own nested
 * unit of work, through the bus's interceptors, against the state the commands before it left (a product
 * is loaded once per batch); then the batch's ledger rows, idempotency records and events go to the
 * database and commit together, and only then is each caller answered. There is no timer and no
 * lingering: a command that finds no transaction in flight and none queued runs at once on its caller's
 * thread, a batch of one without the hand-over to the writer thread (0.2 ms of a single client's sale).
 *
 * <ul>
 *   <li>A rule rejection answers its command and does not fail the batch: it changed nothing (every rule
 *       is checked before anything is applied), so its unit of work commits with nothing in it.
 *   <li>A conflict (another instance appended to a product, a key or an order line first) rolls the
 *       batch back; the rollback evicts its products from the cache and the batch runs again from fresh
 *       state.
 *   <li>Any other failure rolls the batch back and runs its commands one by one, so that a failing
 *       command takes no other command's answer with it. A database that cannot be reached fails them
 *       all at once.
 *   <li>A command that has not run successfully within {@code answerWithin} of its arrival (conflicts kept
 *       coming, or it queued behind a backlog) is answered {@code CONCURRENT_MODIFICATION} instead of being
 *       run again; it changed nothing.
 * </ul>
 */
public final class GroupCommitCommandBus extends SimpleCommandBus implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(GroupCommitCommandBus.class);

    /** A nested unit of work that a stock rule rejected commits (empty); anything else rolls back. */
    private static final RollbackConfiguration ROLL_BACK_UNLESS_REJECTED = failure -> !isRejection(failure);

    private final TransactionManager transactionManager;
    private final List<BatchPreparer> preparers;
    private final int maxBatch;
    private final long answerWithinNanos;
    private final List<MessageHandlerInterceptor<? super CommandMessage<?>>> interceptors =
            new CopyOnWriteArrayList<>();
    private final LinkedBlockingQueue<Pending> queue = new LinkedBlockingQueue<>();
    /** Held by whoever runs a batch: the writer thread, or a caller that found nothing to wait for. */
    private final ReentrantLock writing = new ReentrantLock();
    /** 1 while the writer thread holds a command it took from the queue and waits for {@link #writing}. */
    private volatile int takenWaiting;

    private final DistributionSummary batchSizes;
    private final Counter commits;
    private final Counter retries;
    private final Counter exhausted;
    private volatile boolean running;
    private Thread writer;

    GroupCommitCommandBus(
            SimpleCommandBus.Builder builder,
            TransactionManager transactionManager,
            List<BatchPreparer> preparers,
            int maxBatch,
            Duration answerWithin,
            MeterRegistry meters) {
        super(builder);
        this.transactionManager = transactionManager;
        this.preparers = List.copyOf(preparers);
        this.maxBatch = maxBatch;
        this.answerWithinNanos = answerWithin.toNanos();
        this.batchSizes = DistributionSummary.builder("inventory.command.batch.size")
                .description("Commands per write batch (one transaction, one commit)")
                .publishPercentileHistogram()
                .minimumExpectedValue(1.0)
                .maximumExpectedValue((double) maxBatch)
                .register(meters);
        this.commits = Counter.builder("inventory.command.batch.commits")
                .description("Write batches committed")
                .register(meters);
        this.retries = Counter.builder("inventory.command.retries")
                .description("Commands run again after a conflict: another instance's write, or a repeated sale,"
                        + " order or key that the first attempt took to be new")
                .register(meters);
        Gauge.builder("inventory.command.queued", this, bus -> bus.queue.size() + bus.takenWaiting)
                .description("Commands waiting for the writer's next transaction")
                .register(meters);
        this.exhausted = Counter.builder("inventory.command.conflicts.exhausted")
                .description("Commands answered CONCURRENT_MODIFICATION: conflicts outlasted their answer bound")
                .register(meters);
    }

    /** A command waiting for the writer, and its answer once its batch committed. */
    private static final class Pending {
        final CommandMessage<?> command;
        final MessageHandler<? super CommandMessage<?>> handler;
        final CommandCallback<Object, Object> callback;
        final long deadline;
        ResultMessage<?> result;
        private boolean answered;

        @SuppressWarnings("unchecked")
        Pending(
                CommandMessage<?> command,
                MessageHandler<? super CommandMessage<?>> handler,
                CommandCallback<?, ?> callback,
                long deadline) {
            this.command = command;
            this.handler = handler;
            this.callback = (CommandCallback<Object, Object>) callback;
            this.deadline = deadline;
        }

        /** Once: a command is answered by its batch's commit, or by the failure that ended its last attempt. */
        @SuppressWarnings("unchecked")
        void answer(ResultMessage<?> answer) {
            if (!answered) {
                answered = true;
                callback.onResult(
                        (CommandMessage<Object>) command, GenericCommandResultMessage.asCommandResultMessage(answer));
            }
        }

        void fail(Throwable failure) {
            answer(GenericCommandResultMessage.asCommandResultMessage(failure));
        }
    }

    @Override
    protected <C, R> void handle(
            CommandMessage<C> command,
            MessageHandler<? super CommandMessage<?>> handler,
            CommandCallback<? super C, ? super R> callback) {
        Pending pending = new Pending(command, handler, callback, System.nanoTime() + answerWithinNanos);
        if (queue.isEmpty() && !CurrentUnitOfWork.isStarted() && writing.tryLock()) {
            try {
                runCatching(List.of(pending));
            } finally {
                writing.unlock();
            }
        } else {
            queue.add(pending);
        }
    }

    @Override
    public Registration registerHandlerInterceptor(MessageHandlerInterceptor<? super CommandMessage<?>> interceptor) {
        interceptors.add(interceptor);
        return () -> interceptors.remove(interceptor);
    }

    @Override
    public synchronized void start() {
        running = true;
        writer = new Thread(this::write, "command-writer");
        writer.setDaemon(true);
        writer.start();
    }

    /** Answers every command already queued, then stops. */
    @Override
    public synchronized void stop() {
        running = false;
        if (writer != null) {
            try {
                writer.join(TimeUnit.SECONDS.toMillis(30));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            writer = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return writer != null;
    }

    private void write() {
        List<Pending> batch = new ArrayList<>(maxBatch);
        while (running || !queue.isEmpty()) {
            try {
                Pending first = queue.poll(100, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                takenWaiting = 1;
                writing.lock();
                try {
                    takenWaiting = 0;
                    batch.add(first);
                    queue.drainTo(batch, maxBatch - 1);
                    runCatching(batch);
                } finally {
                    writing.unlock();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } finally {
                batch.clear();
            }
        }
    }

    private void runCatching(List<Pending> batch) {
        try {
            run(batch);
        } catch (RuntimeException | Error unexpected) {
            log.error("The command writer failed a batch of {}", batch.size(), unexpected);
            batch.forEach(pending -> pending.fail(unexpected));
        }
    }

    private void run(List<Pending> batch) {
        List<Pending> pending = batch;
        for (int attempt = 1; ; attempt++) {
            pending = answerOverdue(pending);
            if (pending.isEmpty()) {
                return;
            }
            if (attempt > 1) {
                retries.increment(pending.size());
                backOff(attempt);
            }
            Throwable failure = attempt(pending, attempt);
            if (failure == null) {
                return;
            }
            if (isConflict(failure)) {
                log.debug("Conflict on attempt {} of a batch of {}: {}", attempt, pending.size(), failure.toString());
            } else if (pending.size() > 1 && !DatabaseFailures.unreachable(failure)) {
                pending.forEach(one -> run(List.of(one)));
                return;
            } else {
                pending.forEach(one -> one.fail(failure));
                return;
            }
        }
    }

    /**
     * One transaction for the batch: each command in its nested unit of work, then one commit. Answers every
     * command and returns null once committed; returns the failure, having rolled back, otherwise.
     */
    private Throwable attempt(List<Pending> batch, int attempt) {
        UnitOfWork<CommandMessage<?>> root = DefaultUnitOfWork.startAndGet(batch.get(0).command);
        try {
            root.attachTransaction(transactionManager);
            WriteBatch.open(root);
            List<CommandMessage<?>> commands =
                    batch.stream().<CommandMessage<?>>map(p -> p.command).toList();
            preparers.forEach(preparer -> preparer.prepare(commands, attempt));
            for (Pending pending : batch) {
                UnitOfWork<CommandMessage<?>> nested = DefaultUnitOfWork.startAndGet(pending.command);
                InterceptorChain chain = new DefaultInterceptorChain<>(nested, interceptors, pending.handler);
                ResultMessage<?> result = nested.executeWithResult(chain::proceed, ROLL_BACK_UNLESS_REJECTED);
                if (result.isExceptional() && !isRejection(result.exceptionResult())) {
                    throw result.exceptionResult();
                }
                pending.result = result;
            }
        } catch (Throwable failure) {
            if (root.isActive()) {
                root.rollback(failure);
            }
            batch.forEach(pending -> pending.result = null);
            return failure;
        }
        try {
            root.commit();
        } catch (Throwable failure) {
            batch.forEach(pending -> pending.result = null);
            return failure;
        }
        commits.increment();
        batchSizes.record(batch.size());
        batch.forEach(pending -> pending.answer(pending.result));
        return null;
    }

    /**
     * Answers CONCURRENT_MODIFICATION to every command past its answer bound (it changed nothing); the others
     * stay to be run.
     */
    private List<Pending> answerOverdue(List<Pending> batch) {
        long now = System.nanoTime();
        List<Pending> due = new ArrayList<>(batch.size());
        for (Pending pending : batch) {
            if (now - pending.deadline > 0) {
                exhausted.increment();
                pending.fail(new CommandExecutionException(
                        "Not applied within the answer bound",
                        null,
                        RuleViolation.of(
                                ErrorCode.CONCURRENT_MODIFICATION,
                                "Not applied within " + answerWithinNanos / 1_000_000
                                        + " ms (concurrent writers kept conflicting, or a backlog); nothing was"
                                        + " recorded. Retry the request.")));
            } else {
                due.add(pending);
            }
        }
        return due;
    }

    /** A short, jittered pause before running a conflicting batch again: the other writer is committing. */
    private static void backOff(int attempt) {
        try {
            Thread.sleep(ThreadLocalRandom.current().nextLong(1, Math.min(50, 1L << attempt) + 1));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** A stock rule said no, or the product has no events: an answer, not a failure. */
    static boolean isRejection(Throwable failure) {
        return failure instanceof StockRuleViolation || failure instanceof AggregateNotFoundException;
    }

    /**
     * Another writer got there first: a product's next sequence number, a key, an order line; or the
     * database chose this transaction as a deadlock's loser. A database that cannot be reached is not one.
     */
    static boolean isConflict(Throwable failure) {
        if (DatabaseFailures.unreachable(failure)) {
            return false;
        }
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof ConcurrencyException
                    || t instanceof LockAcquisitionFailedException
                    || t instanceof AggregateStreamCreationException
                    || t instanceof DuplicateKeyException
                    || t instanceof ConcurrencyFailureException) {
                return true;
            }
        }
        return false;
    }
}
