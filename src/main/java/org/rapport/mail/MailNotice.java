package org.rapport.mail;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/** Says at start-up where mail goes: to the mail server set, or to the folder a newcomer can open. */
@Component
class MailNotice {

    private static final Logger log = LoggerFactory.getLogger(MailNotice.class);

    private final MailDelivery delivery;
    private final MailSettings settings;

    MailNotice(MailDelivery delivery, MailSettings settings) {
        this.delivery = delivery;
        this.settings = settings;
    }

    @EventListener(ApplicationReadyEvent.class)
    @Order(Ordered.HIGHEST_PRECEDENCE + 10)
    void announce(ApplicationReadyEvent event) {
        if (delivery.toFolder()) {
            log.info("No mail server is set (spring.mail.host), so mail is not sent: each message is written to {}"
                    + " as an .eml file, which a mail program opens", settings.folder());
        } else {
            Environment environment = event.getApplicationContext().getEnvironment();
            log.info("Mail is sent through {}:{} from {}", environment.getProperty("spring.mail.host"),
                    environment.getProperty("spring.mail.port", "25"), settings.from().getAddress());
        }
    }
}
