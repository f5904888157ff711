package com.acme.inventory.query.admin;

import com.acme.inventory.platform.web.ValidId;
import com.acme.inventory.query.projection.ProjectionStatus;
import com.acme.inventory.query.projection.ReplayCoordinator;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Operator endpoints: projection status, replay, consistency check. */
@RestController
@RequestMapping(path = "/api/v1/admin", produces = MediaType.APPLICATION_JSON_VALUE)
class AdminController {

    private final ReplayCoordinator replays;
    private final ConsistencyChecker consistency;

    AdminController(ReplayCoordinator replays, ConsistencyChecker consistency) {
        this.replays = replays;
        this.consistency = consistency;
    }

    @GetMapping("/projections")
    List<ProjectionStatus> projections() {
        return replays.statuses();
    }

    @GetMapping("/projections/{name}")
    ProjectionStatus projection(@PathVariable("name") String name) {
        return replays.status(name);
    }

    @PostMapping("/projections/{name}/replay")
    ResponseEntity<ProjectionStatus> replay(@PathVariable("name") String name, Authentication caller) {
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(replays.requestReplay(name, caller.getName()));
    }

    @GetMapping("/consistency")
    ConsistencyReport consistency(@RequestParam(name = "productId", required = false) @ValidId String productId) {
        return consistency.check(productId);
    }
}
