package org.rapport;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.modulith.Modulithic;

/** Rapport: software for professional helping relationships, from referral to the open door after the ending. */
@Modulithic(sharedModules = "shared")
@SpringBootApplication
public class RapportApplication {

    public static void main(String[] args) {
        SpringApplication.run(RapportApplication.class, args);
    }
}
