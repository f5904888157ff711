package com.acme.inventory.command.infrastructure;

import java.util.List;
import org.axonframework.commandhandling.CommandMessage;

/**
 * Looks up front, in one query per store, what a write batch's commands will look up one by one. On a
 * batch's first attempt a store may instead assume that what a new sale, order or key would write is not
 * there yet: a command that repeats one then fails the batch's write on the row's primary key, a conflict,
 * and the next attempt reads. A repeated request costs its batch an attempt; every new one saves a query.
 */
interface BatchPreparer {

    /** Called inside the batch's unit of work, before its first command runs; attempts count from 1. */
    void prepare(List<CommandMessage<?>> commands, int attempt);
}
