package org.rapport.accounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.rapport.mail.MailOutbox;
import org.rapport.mail.MailStatus;
import org.rapport.mail.MailView;
import org.rapport.people.PeopleManagement;
import org.rapport.testing.TestOrganisation;
import org.rapport.testing.TestOrganisation.Staff;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Import;
import org.rapport.testing.TravellingClock;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A person hears by mail when how they sign in changes, so a change they did not make does not go
 * unnoticed: a new password, a second factor set up, removed or reset, a recovery code used. The
 * message goes with the change or not at all, to a sign-in name that is an email address.
 */
@SpringBootTest
@AutoConfigureMockMvc
@Import(TravellingClock.Configuration.class)
class SecurityNoticesIntegrationTests {

    static final String NEW_PASSWORD = "lantern orchard pebble drift";

    @Autowired AccountManagement accounts;
    @Autowired PeopleManagement people;
    @Autowired MailOutbox outbox;
    @Autowired ApplicationEventPublisher events;
    @Autowired PlatformTransactionManager transactions;

    TestOrganisation riverside;
    Staff ash;

    @BeforeEach
    void aHelperWhoSignsInWithAnEmailAddress() {
        riverside = new TestOrganisation(accounts, people, "Riverside Counselling");
        ash = riverside.staffWithEmail("Ash Marlow", Role.HELPER);
    }

    @Test
    void aChangedPasswordIsToldToItsOwner() {
        riverside.run(ash, () -> accounts.changePassword(TestOrganisation.PASSWORD, NEW_PASSWORD, null));

        assertThat(mail()).singleElement().satisfies(message -> {
            assertThat(message.to()).isEqualTo(ash.username());
            assertThat(message.subject()).isEqualTo("Your Rapport password was changed");
            assertThat(message.template()).isEqualTo(SecurityNotices.PASSWORD_CHANGED);
            assertThat(message.status()).isEqualTo(MailStatus.QUEUED);
        });
    }

    @Test
    void aPasswordThatWasNotChangedSendsNothing() {
        assertThatThrownBy(() -> riverside.run(ash, () -> accounts.changePassword("not my password", NEW_PASSWORD, null)))
                .isInstanceOf(PasswordNotChanged.class);

        assertThat(mail()).isEmpty();
    }

    @Test
    void aChangedSecondFactorIsToldToItsOwnerWithWhatChanged() {
        AccountId account = riverside.as(ash, () -> CurrentUser.require().accountId());
        riverside.run(ash, () -> new TransactionTemplate(transactions).executeWithoutResult(status ->
                events.publishEvent(new SecondFactorChanged(riverside.id(), account, "Second factor removed"))));

        assertThat(mail()).singleElement().satisfies(message -> {
            assertThat(message.subject()).isEqualTo("A change to how you sign in to Rapport");
            assertThat(message.template()).isEqualTo(SecurityNotices.SECOND_FACTOR_CHANGED);
        });
    }

    @Test
    void aRecoveryCodeUsedAtSignInIsToldEvenWithNoTransactionAround() {
        AccountId account = riverside.as(ash, () -> CurrentUser.require().accountId());

        events.publishEvent(new SecondFactorChanged(riverside.id(), account, "Signed in with a recovery code"));

        assertThat(mail()).extracting(MailView::to).containsExactly(ash.username());
    }

    @Test
    void aSignInNameThatIsNotAnAddressGetsNoMail() {
        Staff robin = riverside.aHelper("Robin Hale");

        riverside.run(robin, () -> accounts.changePassword(TestOrganisation.PASSWORD, NEW_PASSWORD, null));

        assertThat(mail()).isEmpty();
    }

    @Test
    void readsAnEmailAddressOnlyFromANameThatIsOne() {
        assertThat(SecurityNotices.emailOf("ash.marlow@riverside.example")).hasValue("ash.marlow@riverside.example");
        assertThat(SecurityNotices.emailOf("ash.marlow")).isEmpty();
        assertThat(SecurityNotices.emailOf("ash@localhost")).isEmpty();
        assertThat(SecurityNotices.emailOf("@riverside.example")).isEmpty();
    }

    private java.util.List<MailView> mail() {
        return riverside.inScope(() -> outbox.recent(null));
    }
}
