package com.acme.inventory.command.infrastructure;

import java.util.List;
import org.axonframework.commandhandling.CommandMessage;

/** Reads up front, in one query per store, what a write batch's commands will look up one by one. */
interface BatchPreparer {

    /** Called inside the batch's unit of work, before its first command runs. */
    void prepare(List<CommandMessage<?>> commands);
}
