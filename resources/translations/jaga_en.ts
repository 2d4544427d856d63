<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
    <context>
        <name>Jaga</name>
        <message>
            <location filename="../../app/start/db_start.py" />
            <source>Jaga cannot open this data folder</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../app/start/db_start.py" />
            <source>This data folder was last used by a newer version of Jaga (database version %1). This Jaga cannot read it and has not changed anything in it.

Install the newer Jaga again, or start this one with another data folder (--data-dir).

Data folder: %2</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../app/start/db_start.py" />
            <source>The damaged file is kept, untouched, in %1.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../app/start/db_start.py" />
            <source>Jaga put back its backup %1: your numbers and messages up to that backup are here; anything newer is only in the damaged copy.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../app/start/db_start.py" />
            <source>There was no backup yet, so the list of numbers starts empty. Your WhatsApp links are kept separately by the bridge.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../app/start/db_start.py" />
            <source>To restore another backup by hand: quit Jaga, copy a file from the backups folder over app.sqlite3 in the data folder, and start Jaga again.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../app/start/db_start.py" />
            <source>Jaga's database was damaged</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../app/start/db_start.py" />
            <source>Jaga's database (app.sqlite3) could not be read, probably after a power cut or a full disk. SQLite said: %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../app/start/db_start.py" />
            <source>Jaga's list of numbers is empty (app.sqlite3 is an empty file)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../app/start/db_start.py" />
            <source>Jaga's list of numbers is missing (there is no app.sqlite3)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../app/start/db_start.py" />
            <source>Jaga's list of numbers is empty</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../app/start/db_start.py" />
            <source>Bring your numbers back?</source>
            <translation type="unfinished" />
        </message>
        <message numerus="yes">
            <location filename="../../app/start/db_start.py" />
            <source>but the bridge still holds the WhatsApp links of %n numbers. Bring them back? They reconnect without a new QR code; their names and past messages cannot be recovered.</source>
            <translation>
                <numerusform>but the bridge still holds the WhatsApp link of %n number. Bring it back? It reconnects without a new QR code; its name and past messages cannot be recovered.</numerusform>
                <numerusform>but the bridge still holds the WhatsApp links of %n numbers. Bring them back? They reconnect without a new QR code; their names and past messages cannot be recovered.</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../app/start/db_start.py" />
            <source>Jaga could not start</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../app/start/db_start.py" />
            <source>Jaga could not start: %1

The details are in jaga.log in the logs folder of %2. Nothing in the data folder was deleted.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../app/start/db_start.py" />
            <source>Bring them back</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../app/start/db_start.py" />
            <source>Not now</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../app/start/db_start.py" />
            <source>Number %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../app/start/screen_check.py" />
            <source>Jaga cannot open its window: this computer lacks libraries that Qt needs to draw it. Install them, then start Jaga again:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../app/ui/bridge_status/panel.py" />
            <source>Bridge</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../app/ui/bridge_status/panel.py" />
            <source>State:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../app/ui/bridge_status/panel.py" />
            <source>Process id:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../app/ui/bridge_status/panel.py" />
            <source>Running for:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../app/ui/bridge_status/panel.py" />
            <source>Restarts:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../app/ui/bridge_status/panel.py" />
            <source>Last exit:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../app/ui/bridge_status/panel.py" />
            <source>Exits of this run (newest first):</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../app/ui/bridge_status/panel.py" />
            <source>Exits of the bridge</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../app/ui/bridge_status/panel.py" />
            <source>Recent log (newest at the bottom):</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../app/ui/bridge_status/panel.py" />
            <source>Bridge log</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../app/ui/bridge_status/panel.py" />
            <source>Restart bridge</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../app/ui/bridge_status/panel.py" />
            <source>Restart the bridge</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../app/ui/bridge_status/panel.py" />
            <source>Open log file</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../app/ui/bridge_status/panel.py" />
            <location filename="../../app/ui/gateway_setup/dialog.py" />
            <location filename="../../app/ui/inbox/hours_dialog.py" />
            <location filename="../../app/ui/inbox/labels_dialog.py" />
            <location filename="../../app/ui/inbox/quick_replies_dialog.py" />
            <location filename="../../app/ui/linking/dialog.py" />
            <source>Close</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../app/ui/bridge_status/panel.py" />
            <source>Its last log line: %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../app/ui/bridge_status/panel.py" />
            <source>This computer has no program set to open the log file.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../app/ui/bridge_status/panel.py" />
            <source>You find it here: %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../app/ui/bridge_status/panel.py" />
            <location filename="../../app/ui/main_window/owner_actions.py" />
            <location filename="../../app/ui/main_window/presence.py" />
            <source>OK</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../app/ui/chats/delegates.py" />
            <location filename="../../app/ui/chats/message_actions.py" />
            <source>Send again</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../app/ui/chats/hold_note.py" />
            <source>Waiting: %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../app/ui/chats/media_actions.py" />
            <source>This message has no file.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../app/ui/chats/media_actions.py" />
            <source>The file could not be opened: %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../app/ui/chats/media_actions.py" />
            <source>No program on this computer opens this kind of file.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../app/ui/chats/media_actions.py" />
            <source>Open a program?</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../app/ui/chats/media_actions.py" />
            <source>“%1” is a program or a launcher (%2): opening it runs it on this computer.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../app/ui/chats/media_actions.py" />
            <source>Open it only if you trust who sent it and expected it. Save as… keeps it unopened.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../app/ui/chats/media_actions.py" />
            <source>Open anyway</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../app/ui/chats/media_actions.py" />
            <location filename="../../app/ui/chats/new_message.py" />
            <location filename="../../app/ui/demo/customer_dialog.py" />
            <location filename="../../app/ui/gateway_setup/webhook_editor.py" />
            <location filename="../../app/ui/linking/pairing_page.py" />
            <location filename="../../app/ui/main_window/owner_actions.py" />
            <location filename="../../app/ui/settings/dialog.py" />
            <source>Cancel</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../app/ui/chats/media_actions.py" />
            <source>Save as</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../app/ui/chats/media_actions.py" />
            <source>The file could not be saved: %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../app/ui/chats/message_actions.py" />
            <source>Copy text</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../app/ui/chats/message_actions.py" />
            <source>Open</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../app/ui/chats/message_actions.py" />
            <source>Save as…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../app/ui/chats/model.py" />
            <location filename="../../app/ui/shared/formatting.py" />
            <source>Not sent</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../app/ui/chats/model.py" />
            <location filename="../../app/ui/inbox/model.py" />
            <location filename="../../app/ui/inbox/search_view.py" />
            <source>You: %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../app/ui/chats/model.py" />
            <source>You</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../app/ui/chats/model.py" />
            <source>Scheduled: leaves at %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../app/ui/chats/model.py" />
            <source>From %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../app/ui/chats/model.py" />
            <source>tried %1 times, trying again</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../app/ui/chats/new_message.py" />
            <source>New message</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../app/ui/chats/new_message.py" />
            <source>&amp;To (phone number):</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../app/ui/chats/new_message.py" />
            <source>for example 0812-3456-7890 or +62 812-3456-7890</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../app/ui/chats/new_message.py" />
            <location filename="../../app/ui/demo/customer_dialog.py" />
            <source>&amp;Message:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../app/ui/chats/new_message.py" />
            <source>Send</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../app/ui/chats/new_message.py" />
            <source>Goes to %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../app/ui/chats/new_message.py" />
            <source>This number is in another country: %1. Press Send again to send there.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../app/ui/chats/reply_box.py" />
            <source>&amp;Send</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../app/ui/chats/reply_box.py" />
            <source>Reply</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../app/ui/chats/reply_box.py" />
            <source>Attach…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../app/ui/chats/reply_box.py" />
            <source>Attach a photo, document or voice note</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../app/ui/chats/reply_box.py" />
            <source>Attach a file</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../app/ui/chats/reply_box.py" />
            <source>Send as a voice note</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../app/ui/chats/reply_box.py" />
            <source>Remove the file</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../app/ui/chats/reply_box.py" />
            <source>Add a caption (optional) — Enter sends</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../app/ui/chats/reply_box.py" />
            <source>Type a message — Enter sends, Shift+Enter starts a new line</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../app/ui/chats/window.py" />
            <source>&amp;New message</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../app/ui/chats/window.py" />
            <source>Write to a phone number</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../app/ui/chats/window.py" />
            <location filename="../../app/ui/inbox/window.py" />
            <source>Conversations</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../app/ui/chats/window.py" />
            <source>Messages</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../app/ui/chats/window.py" />
            <source>Choose a conversation on the left, or start one with &lt;b&gt;New message&lt;/b&gt;.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../app/ui/chats/window.py" />
            <source>Chats — %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../app/ui/chats/window.py" />
            <source>“%1” is not linked to a phone yet. Link it from the main window (Reconnect) before sending.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../app/ui/chats/window.py" />
            <source>&lt;b&gt;Not connected now&lt;/b&gt; (%1). Messages you send wait in the queue and go out by themselves when the number reconnects.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../app/ui/demo/customer_dialog.py" />
            <source>Hello, is this still available?</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../app/ui/demo/customer_dialog.py" />
            <source>A customer writes (demo)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../app/ui/demo/customer_dialog.py" />
            <source>&amp;From (phone number):</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../app/ui/demo/customer_dialog.py" />
            <source>Send to this number</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../app/ui/demo/customer_dialog.py" />
            <location filename="../../app/ui/shared/error_text.py" />
            <source>The message is empty.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../app/ui/gateway_setup/dialog.py" />
            <source>Shop API and webhooks</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../app/ui/gateway_setup/dialog.py" />
            <source>Local API</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../app/ui/gateway_setup/dialog.py" />
            <location filename="../../app/ui/settings/pacing_box.py" />
            <source>Safe sending</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../app/ui/gateway_setup/dialog.py" />
            <source>Webhooks</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../app/ui/gateway_setup/dialog.py" />
            <source>this computer's address</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../app/ui/gateway_setup/dialog.py" />
            <source>Your shop's software reaches Jaga at %1 (routes: %2).</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../app/ui/gateway_setup/dialog.py" />
            <source>&amp;Port:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../app/ui/gateway_setup/dialog.py" />
            <source>Also answer on the shop's network (other computers)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../app/ui/gateway_setup/dialog.py" />
            <source>Anyone on your shop's network who has the key can send from your numbers. Turn this on only on a network you trust.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../app/ui/gateway_setup/dialog.py" />
            <source>A new port or network choice is used from the next start.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../app/ui/gateway_setup/dialog.py" />
            <source>API &amp;key:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../app/ui/gateway_setup/dialog.py" />
            <location filename="../../app/ui/shared/notices.py" />
            <source>Show</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../app/ui/gateway_setup/dialog.py" />
            <source>Copy</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../app/ui/gateway_setup/dialog.py" />
            <source>Make a new key</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../app/ui/gateway_setup/dialog.py" />
            <source>Send it in the X-Api-Key header. A new key replaces the old one at once.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../app/ui/gateway_setup/dialog.py" />
            <source>No keyring on this computer: the key is kept in %1, readable only by you.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../app/ui/gateway_setup/dialog.py" />
            <source>No keyring on this computer: the key changes at every start.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../app/ui/gateway_setup/dialog.py" />
            <location filename="../../app/ui/settings/dialog.py" />
            <source>Save</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../app/ui/gateway_setup/webhook_editor.py" />
            <source>Add a webhook address</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../app/ui/gateway_setup/webhook_editor.py" />
            <source>&amp;Address:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../app/ui/gateway_setup/webhook_editor.py" />
            <source>Webhook address</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../app/ui/gateway_setup/webhook_editor.py" />
            <source>&amp;Secret (for the signature):</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../app/ui/gateway_setup/webhook_editor.py" />
            <source>Events:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../app/ui/gateway_setup/webhook_editor.py" />
            <source>Add address</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../app/ui/gateway_setup/webhooks_panel.py" />
            <source>Waiting</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../app/ui/gateway_setup/webhooks_panel.py" />
            <source>Trying again</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../app/ui/gateway_setup/webhooks_panel.py" />
            <location filename="../../app/ui/shared/formatting.py" />
            <source>Delivered</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../app/ui/gateway_setup/webhooks_panel.py" />
            <source>Refused by the address</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../app/ui/gateway_setup/webhooks_panel.py" />
            <source>Given up after 24 hours</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../app/ui/gateway_setup/webhooks_panel.py" />
            <source>Retry now</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../app/ui/gateway_setup/webhooks_panel.py" />
            <source>Replay since</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../app/ui/gateway_setup/webhooks_panel.py" />
            <source>Send test ping</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../app/ui/gateway_setup/webhooks_panel.py" />
            <location filename="../../app/ui/main_window/owner_actions.py" />
            <location filename="../../app/ui/main_window/window.py" />
            <source>Remove</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../app/ui/gateway_setup/webhooks_panel.py" />
            <source>Add address…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../app/ui/gateway_setup/webhooks_panel.py" />
            <source>Time</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../app/ui/gateway_setup/webhooks_panel.py" />
            <source>Event</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../app/ui/gateway_setup/webhooks_panel.py" />
            <source>State</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../app/ui/gateway_setup/webhooks_panel.py" />
            <source>Tries</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../app/ui/gateway_setup/webhooks_panel.py" />
            <source>Last answer</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../app/ui/gateway_setup/webhooks_panel.py" />
            <source>Add the address of your shop's software with “Add address…”.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../app/ui/gateway_setup/webhooks_panel.py" />
            <source>Waiting to be delivered: %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../app/ui/gateway_setup/webhooks_panel.py" />
            <source>Last success: %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../app/ui/gateway_setup/webhooks_panel.py" />
            <source>never</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../app/ui/gateway_setup/webhooks_panel.py" />
            <source>Last failure: %1 — %2</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../app/ui/gateway_setup/webhooks_panel.py" />
            <source>Added.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../app/ui/gateway_setup/webhooks_panel.py" />
            <source>Sending again now: %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../app/ui/gateway_setup/webhooks_panel.py" />
            <source>Sending again: %1 events</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../app/ui/gateway_setup/webhooks_panel.py" />
            <source>Sending a test ping…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../app/ui/gateway_setup/webhooks_panel.py" />
            <source>The address answered: %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../app/ui/inbox/banner.py" />
            <location filename="../../app/ui/inbox/conversation_menu.py" />
            <source>Open the chat</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../app/ui/inbox/banner.py" />
            <location filename="../../app/ui/shared/banner.py" />
            <source>Dismiss</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../app/ui/inbox/completer.py" />
            <source>Quick replies: Up and Down choose, Enter puts it in</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../app/ui/inbox/conversation_menu.py" />
            <source>Mark as read</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../app/ui/inbox/conversation_menu.py" />
            <source>Name this customer…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../app/ui/inbox/conversation_menu.py" />
            <location filename="../../app/ui/inbox/labels_dialog.py" />
            <source>Labels</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../app/ui/inbox/conversation_menu.py" />
            <source>This number has no labels yet (Labels…)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../app/ui/inbox/conversation_menu.py" />
            <source>Name this customer</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../app/ui/inbox/conversation_menu.py" />
            <source>Your name for %1 (empty: the name they gave themselves on WhatsApp):</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../app/ui/inbox/conversation_menu.py" />
            <location filename="../../app/ui/main_window/inbox_hooks.py" />
            <source>Inbox</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../app/ui/inbox/hours_dialog.py" />
            <source>Monday</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../app/ui/inbox/hours_dialog.py" />
            <source>Tuesday</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../app/ui/inbox/hours_dialog.py" />
            <source>Wednesday</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../app/ui/inbox/hours_dialog.py" />
            <source>Thursday</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../app/ui/inbox/hours_dialog.py" />
            <source>Friday</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../app/ui/inbox/hours_dialog.py" />
            <source>Saturday</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../app/ui/inbox/hours_dialog.py" />
            <source>Sunday</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../app/ui/inbox/hours_dialog.py" />
            <source>Hours and notices</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../app/ui/inbox/hours_dialog.py" />
            <source>Opening hours and away message</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../app/ui/inbox/hours_dialog.py" />
            <source>Notices and reading</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../app/ui/inbox/hours_dialog.py" />
            <source>Your local time. Write one or more spans a day, such as 08:00-12:00, 13:00-17:00; leave a day empty when the shop is closed.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../app/ui/inbox/hours_dialog.py" />
            <source>Send an &amp;away message outside these hours</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../app/ui/inbox/hours_dialog.py" />
            <source>Thank you! We are closed now and answer tomorrow morning.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../app/ui/inbox/hours_dialog.py" />
            <source>Send a &amp;greeting to a customer's first message</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../app/ui/inbox/hours_dialog.py" />
            <source>Welcome! How can we help?</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../app/ui/inbox/hours_dialog.py" />
            <source>Tell me when a customer writes to this number</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../app/ui/inbox/hours_dialog.py" />
            <source>Quiet from</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../app/ui/inbox/hours_dialog.py" />
            <source>until</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../app/ui/inbox/hours_dialog.py" />
            <source>Tell me about group messages too</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../app/ui/inbox/hours_dialog.py" />
            <source>Reading a chat in Jaga shows blue ticks to the customer</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../app/ui/inbox/hours_dialog.py" />
            <source>The away message goes once per customer a day, never to a group, and not when you answered that customer in the last hour.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../app/ui/inbox/hours_dialog.py" />
            <source>Off: reading a chat in Jaga clears its unread count only; the customer sees blue ticks when you read it on the phone.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../app/ui/inbox/hours_dialog.py" />
            <location filename="../../app/ui/inbox/labels_dialog.py" />
            <location filename="../../app/ui/inbox/quick_replies_dialog.py" />
            <source>&amp;Save</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../app/ui/inbox/labels_dialog.py" />
            <location filename="../../app/ui/inbox/quick_replies_dialog.py" />
            <source>&amp;Name:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../app/ui/inbox/labels_dialog.py" />
            <source>&amp;Colour:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../app/ui/inbox/labels_dialog.py" />
            <source>Colour %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../app/ui/inbox/labels_dialog.py" />
            <source>&amp;New label</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../app/ui/inbox/labels_dialog.py" />
            <location filename="../../app/ui/inbox/quick_replies_dialog.py" />
            <source>&amp;Delete</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../app/ui/inbox/labels_dialog.py" />
            <source>For example “Sudah bayar”</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../app/ui/inbox/labels_dialog.py" />
            <source>A WhatsApp Business number: these are WhatsApp's own labels; a change here shows on the phone too.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../app/ui/inbox/labels_dialog.py" />
            <source>Labels of this number are kept in Jaga.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../app/ui/inbox/message_notices.py" />
            <source>%1 — %2</source>
            <translation type="unfinished" />
        </message>
        <message numerus="yes">
            <location filename="../../app/ui/inbox/message_notices.py" />
            <source>%1: %n new messages</source>
            <translation>
                <numerusform>%1: %n new message</numerusform>
                <numerusform>%1: %n new messages</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../../app/ui/inbox/message_notices.py" />
            <source>from %n customers</source>
            <translation>
                <numerusform>from %n customer</numerusform>
                <numerusform>from %n customers</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../../app/ui/inbox/model.py" />
            <location filename="../../app/ui/inbox/window.py" />
            <source>%n unread</source>
            <translation>
                <numerusform>%n unread</numerusform>
                <numerusform>%n unread</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../app/ui/inbox/model.py" />
            <source>waiting for an answer</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../app/ui/inbox/quick_replies_dialog.py" />
            <source>Quick replies</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../app/ui/inbox/quick_replies_dialog.py" />
            <source>terima</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../app/ui/inbox/quick_replies_dialog.py" />
            <source>&amp;Words:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../app/ui/inbox/quick_replies_dialog.py" />
            <source>&amp;For:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../app/ui/inbox/quick_replies_dialog.py" />
            <source>In a chat, type / and the name (for example /terima) to put the words in the reply box. {name} becomes the customer's name, {number} their number, {today} today's date.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../app/ui/inbox/quick_replies_dialog.py" />
            <source>&amp;New reply</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../app/ui/inbox/quick_replies_dialog.py" />
            <source>Every number</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../app/ui/inbox/quick_replies_dialog.py" />
            <source>every number</source>
            <translation type="unfinished" />
        </message>
        <message numerus="yes">
            <location filename="../../app/ui/inbox/search_view.py" />
            <source>%n found</source>
            <translation>
                <numerusform>%n found</numerusform>
                <numerusform>%n found</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../app/ui/inbox/search_view.py" />
            <source>Nothing found in any number's chats.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../app/ui/inbox/window.py" />
            <source>Inbox — every number's chats</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../app/ui/inbox/window.py" />
            <source>Search messages, customers' names and numbers</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../app/ui/inbox/window.py" />
            <source>Search</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../app/ui/inbox/window.py" />
            <source>&amp;Waiting for an answer</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../app/ui/inbox/window.py" />
            <source>&amp;Quick replies…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../app/ui/inbox/window.py" />
            <source>&amp;Labels…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../app/ui/inbox/window.py" />
            <source>&amp;Hours and notices…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../app/ui/inbox/window.py" />
            <source>No conversation here yet. When customers write to your numbers, they show here.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../app/ui/inbox/window.py" />
            <source>All numbers</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../app/ui/inbox/window.py" />
            <source>All labels</source>
            <translation type="unfinished" />
        </message>
        <message numerus="yes">
            <location filename="../../app/ui/inbox/window.py" />
            <source>%n waiting for an answer</source>
            <translation>
                <numerusform>%n waiting for an answer</numerusform>
                <numerusform>%n waiting for an answer</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../app/ui/inbox/words.py" />
            <source>Give the label a name, for example “Paid”.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../app/ui/inbox/words.py" />
            <source>A label's name cannot contain line breaks or control characters.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../app/ui/inbox/words.py" />
            <source>A label's name is at most {max} characters (this one has {count}).</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../app/ui/inbox/words.py" />
            <source>A label's colour is a number from 0 to {last}.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../app/ui/inbox/words.py" />
            <source>“{given}” is not one of WhatsApp's label colours ({first} … {last}).</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../app/ui/inbox/words.py" />
            <source>A label id is a whole number such as “3”.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../app/ui/inbox/words.py" />
            <source>This number has a label “{name}” already.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../app/ui/inbox/words.py" />
            <source>There is no label {id} on this number.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../app/ui/inbox/words.py" />
            <source>Give the quick reply a short name, such as “terima”.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../app/ui/inbox/words.py" />
            <source>A quick reply's name is one word of letters and digits (at most {max}), such as “terima”.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../app/ui/inbox/words.py" />
            <source>Write the words of the quick reply.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../app/ui/inbox/words.py" />
            <source>A quick reply is at most {max} characters (this one has {count}).</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../app/ui/inbox/words.py" />
            <source>There is a quick reply “/{name}” already.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../app/ui/inbox/words.py" />
            <source>“{given}” is not a time of day.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../app/ui/inbox/words.py" />
            <source>Write opening hours as 08:00-17:00 (not “{given}”).</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../app/ui/inbox/words.py" />
            <source>“{given}” is empty or ends before it starts; write a span such as 08:00-17:00.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../app/ui/inbox/words.py" />
            <source>{first} and {second} overlap.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../app/ui/inbox/words.py" />
            <source>Write the away message, or turn it off.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../app/ui/inbox/words.py" />
            <source>With no opening hours the away message would answer every message: add the hours you are open, or turn the away message off.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../app/ui/inbox/words.py" />
            <source>Write the greeting, or turn it off.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../app/ui/inbox/words.py" />
            <source>An automatic answer is at most {max} characters.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../app/ui/inbox/words.py" />
            <source>Search for at most {max} characters (this has {count}).</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../app/ui/inbox/words.py" />
            <source>Type a word, a name or a phone number to search for.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../app/ui/linking/dialog.py" />
            <location filename="../../app/ui/linking/pairing_page.py" />
            <source>Link %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../app/ui/linking/dialog.py" />
            <source>Link with a code instead</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../app/ui/linking/dialog.py" />
            <source>Scan this code with WhatsApp</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../app/ui/linking/dialog.py" />
            <source>Done</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../app/ui/linking/dialog.py" />
            <source>Connected as %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../app/ui/linking/dialog.py" />
            <source>This number is ready. Jaga keeps it connected from now on.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../app/ui/linking/dialog.py" />
            <source>Simulate typing the code on the phone (demo)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../app/ui/linking/dialog.py" />
            <source>Simulate typing the code on the phone</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../app/ui/linking/dialog.py" />
            <source>Simulate phone scan (demo)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../app/ui/linking/dialog.py" />
            <source>Simulate phone scan</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../app/ui/linking/pairing_page.py" />
            <source>On your phone open &lt;b&gt;WhatsApp&lt;/b&gt; → &lt;b&gt;Linked devices&lt;/b&gt; → &lt;b&gt;Link a device&lt;/b&gt; → &lt;b&gt;Link with phone number instead&lt;/b&gt;, then type this code.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../app/ui/linking/pairing_page.py" />
            <source>Link another phone?</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../app/ui/linking/pairing_page.py" />
            <source>“%1” was linked to %2. Link it to %3 instead?</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../app/ui/linking/pairing_page.py" />
            <source>Its name and its messages stay in Jaga; from now on it sends and receives as %1.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../app/ui/linking/pairing_page.py" />
            <source>The &amp;phone number of this WhatsApp:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../app/ui/linking/pairing_page.py" />
            <source>0812-3456-7890 or +62 812-3456-7890</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../app/ui/linking/pairing_page.py" />
            <location filename="../../app/ui/main_window/accounts_model.py" />
            <source>Phone number</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../app/ui/linking/pairing_page.py" />
            <source>Get code</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../app/ui/linking/pairing_page.py" />
            <source>Pairing code</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../app/ui/linking/pairing_page.py" />
            <source>Scan a QR code instead</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../app/ui/linking/pairing_page.py" />
            <source>This code has run out. Get a new one.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../app/ui/linking/pairing_page.py" />
            <source>Type it on the phone within %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../app/ui/linking/pairing_page.py" />
            <source>Could not get a code: %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../app/ui/linking/qr_page.py" />
            <source>On your phone open &lt;b&gt;WhatsApp&lt;/b&gt; → &lt;b&gt;Settings&lt;/b&gt; (or ⋮) → &lt;b&gt;Linked devices&lt;/b&gt; → &lt;b&gt;Link a device&lt;/b&gt;, then point the phone at this code.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../app/ui/linking/qr_page.py" />
            <source>Connecting… A code appears here if WhatsApp asks for one.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../app/ui/linking/qr_page.py" />
            <source>QR code to scan</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../app/ui/linking/qr_page.py" />
            <source>Try again</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../app/ui/linking/qr_page.py" />
            <source>Link with phone number instead</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../app/ui/linking/qr_page.py" />
            <source>New code coming…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../app/ui/linking/qr_page.py" />
            <source>New code in %1 s</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../app/ui/linking/qr_page.py" />
            <source>code %1 of %2</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../app/ui/linking/qr_page.py" />
            <source>Try again for a new code.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../app/ui/main_window/accounts_model.py" />
            <source>Name</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../app/ui/main_window/accounts_model.py" />
            <source>Unread</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../app/ui/main_window/accounts_model.py" />
            <location filename="../../app/ui/main_window/details_pane.py" />
            <source>Status</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../app/ui/main_window/accounts_model.py" />
            <source>Since</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../app/ui/main_window/accounts_model.py" />
            <source>Last activity</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../app/ui/main_window/accounts_model.py" />
            <source>Last message in</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../app/ui/main_window/accounts_model.py" />
            <source>Last message out</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../app/ui/main_window/accounts_model.py" />
            <source>Uptime (24 h)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../app/ui/main_window/accounts_model.py" />
            <source>waiting to be sent</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../app/ui/main_window/accounts_model.py" />
            <source>sent</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../app/ui/main_window/accounts_model.py" />
            <source>delivered</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../app/ui/main_window/accounts_model.py" />
            <source>read</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../app/ui/main_window/accounts_model.py" />
            <source>not sent</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../app/ui/main_window/accounts_model.py" />
            <source>Messages from customers nobody read yet, in Jaga or on the phone</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../app/ui/main_window/accounts_model.py" />
            <source>When the number got its current status</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../app/ui/main_window/accounts_model.py" />
            <source>When WhatsApp last sent anything for this number</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../app/ui/main_window/accounts_model.py" />
            <source>When the last message to this number arrived</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../app/ui/main_window/accounts_model.py" />
            <source>When this number last sent a message, and how it went</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../app/ui/main_window/accounts_model.py" />
            <source>Share of the last 24 hours this number was connected</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../app/ui/main_window/accounts_model.py" />
            <source>not linked yet</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../app/ui/main_window/demo_controls.py" />
            <source>Demo</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../app/ui/main_window/demo_controls.py" />
            <source>&amp;Demo</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../app/ui/main_window/demo_controls.py" />
            <source>The connection drops</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../app/ui/main_window/demo_controls.py" />
            <source>The phone logs this computer out</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../app/ui/main_window/demo_controls.py" />
            <source>WhatsApp is opened on another computer</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../app/ui/main_window/demo_controls.py" />
            <source>The connection goes silent</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../app/ui/main_window/demo_controls.py" />
            <source>The link files get damaged</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../app/ui/main_window/demo_controls.py" />
            <source>A customer writes…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../app/ui/main_window/demo_controls.py" />
            <source>A receipt arrives for the last message sent</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../app/ui/main_window/demo_controls.py" />
            <source>A customer sends a photo</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../app/ui/main_window/demo_controls.py" />
            <source>A customer sends a document</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../app/ui/main_window/demo_controls.py" />
            <source>WhatsApp refuses the next send</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../app/ui/main_window/demo_controls.py" />
            <source>The internet goes away</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../app/ui/main_window/demo_controls.py" />
            <source>The internet comes back</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../app/ui/main_window/demo_controls.py" />
            <source>No message sent from this number is waiting for a receipt.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../app/ui/main_window/demo_controls.py" />
            <source>A customer sent a photo (demo).</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../app/ui/main_window/demo_controls.py" />
            <source>A customer sent a document (demo).</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../app/ui/main_window/demo_controls.py" />
            <source>WhatsApp will refuse the next message “%1” sends.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../app/ui/main_window/details_pane.py" />
            <source>Status history</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../app/ui/main_window/details_pane.py" />
            <source>Recent events</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../app/ui/main_window/details_pane.py" />
            <source>When</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../app/ui/main_window/details_pane.py" />
            <source>Why</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../app/ui/main_window/details_pane.py" />
            <source>What</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../app/ui/main_window/details_pane.py" />
            <source>Details</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../app/ui/main_window/details_pane.py" />
            <source>&amp;Link again</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../app/ui/main_window/details_pane.py" />
            <source>Link this number to the phone again: a new QR code</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../app/ui/main_window/details_pane.py" />
            <source>&amp;Reconnect</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../app/ui/main_window/details_pane.py" />
            <source>Start again; shows a QR code if WhatsApp asks for one</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../app/ui/main_window/details_pane.py" />
            <source>Log &amp;out</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../app/ui/main_window/details_pane.py" />
            <source>Unlink this computer from the phone</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../app/ui/main_window/details_pane.py" />
            <source>Re&amp;move</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../app/ui/main_window/details_pane.py" />
            <source>Remove this number from Jaga</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../app/ui/main_window/details_pane.py" />
            <source>&amp;Chats…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../app/ui/main_window/details_pane.py" />
            <source>Read and send this number's messages</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../app/ui/main_window/details_pane.py" />
            <source>Select a number to see its details</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../app/ui/main_window/details_pane.py" />
            <source>&amp;Stop</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../app/ui/main_window/details_pane.py" />
            <source>S&amp;tart</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../app/ui/main_window/details_pane.py" />
            <source>Stop watching this number (it stays linked)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../app/ui/main_window/details_pane.py" />
            <source>Connect this number again</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../app/ui/main_window/inbox_hooks.py" />
            <source>&amp;Inbox</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../app/ui/main_window/inbox_hooks.py" />
            <source>Every number's chats in one list (Ctrl+I)</source>
            <translation type="unfinished" />
        </message>
        <message numerus="yes">
            <location filename="../../app/ui/main_window/inbox_hooks.py" />
            <source>Inbox, %n unread</source>
            <translation>
                <numerusform>Inbox, %n unread</numerusform>
                <numerusform>Inbox, %n unread</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../../app/ui/main_window/inbox_hooks.py" />
            <source>Inbox — %n unread</source>
            <translation>
                <numerusform>Inbox — %n unread</numerusform>
                <numerusform>Inbox — %n unread</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../app/ui/main_window/inbox_hooks.py" />
            <source>Inbox — nothing unread</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../app/ui/main_window/inbox_hooks.py" />
            <source>Open the inbox</source>
            <translation type="unfinished" />
        </message>
        <message numerus="yes">
            <location filename="../../app/ui/main_window/inbox_hooks.py" />
            <source>%1 — %n unread</source>
            <translation>
                <numerusform>%1 — %n unread</numerusform>
                <numerusform>%1 — %n unread</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../app/ui/main_window/live_updates.py" />
            <source>trying again in %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../app/ui/main_window/live_updates.py" />
            <source>Bridge status: %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../app/ui/main_window/live_updates.py" />
            <source>Jaga waited %1 s for its database (another program was using it); the bridge kept running.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../app/ui/main_window/live_updates.py" />
            <source>Jaga itself was paused for %1 s; the bridge kept running.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../app/ui/main_window/live_updates.py" />
            <source>Restoring %1 of %2</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../app/ui/main_window/owner_actions.py" />
            <location filename="../../app/ui/main_window/window.py" />
            <source>Add number</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../app/ui/main_window/owner_actions.py" />
            <source>A name for this number (for example “Shop front”):</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../app/ui/main_window/owner_actions.py" />
            <source>Add and show QR code</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../app/ui/main_window/owner_actions.py" />
            <location filename="../../app/ui/main_window/window.py" />
            <source>Log out</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../app/ui/main_window/owner_actions.py" />
            <source>Log out “%1”?</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../app/ui/main_window/owner_actions.py" />
            <source>This computer is unlinked from the phone. To use this number in Jaga again you scan a new QR code.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../app/ui/main_window/owner_actions.py" />
            <source>Remove number</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../app/ui/main_window/owner_actions.py" />
            <source>Remove “%1” from Jaga?</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../app/ui/main_window/owner_actions.py" />
            <source>First keep a copy of its messages and history in the backups folder</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../app/ui/main_window/owner_actions.py" />
            <source>Log out and remove</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../app/ui/main_window/owner_actions.py" />
            <source>Jaga needs your attention</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../app/ui/main_window/owner_actions.py" />
            <source>Something went wrong</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../app/ui/main_window/presence.py" />
            <source>Jaga keeps watching from the tray</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../app/ui/main_window/presence.py" />
            <source>Your numbers stay connected and Jaga tells you when one drops. To stop Jaga, choose Quit Jaga in the tray menu.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../app/ui/main_window/presence.py" />
            <source>Jaga keeps watching</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../app/ui/main_window/presence.py" />
            <source>Jaga keeps watching from the taskbar</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../app/ui/main_window/presence.py" />
            <source>This desktop has no tray, so closing the window puts Jaga on the taskbar. Your numbers stay connected and Jaga tells you when one drops. To stop Jaga, choose Jaga → Quit Jaga.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../app/ui/main_window/recovery_banner.py" />
            <source>The bridge's database was damaged</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../app/ui/main_window/recovery_banner.py" />
            <source>It was set aside, untouched, in %1, and the bridge started again with what could be read.</source>
            <translation type="unfinished" />
        </message>
        <message numerus="yes">
            <location filename="../../app/ui/main_window/recovery_banner.py" />
            <source>%n linked numbers were kept.</source>
            <translation>
                <numerusform>%n linked number was kept.</numerusform>
                <numerusform>%n linked numbers were kept.</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../app/ui/main_window/recovery_banner.py" />
            <source>Numbers whose link was lost say so in their status: link them again.</source>
            <translation type="unfinished" />
        </message>
        <message numerus="yes">
            <location filename="../../app/ui/main_window/removal_text.py" />
            <source>its %n messages (in and out)</source>
            <translation>
                <numerusform>its %n message (in and out)</numerusform>
                <numerusform>its %n messages (in and out)</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../../app/ui/main_window/removal_text.py" />
            <source>its status history (%n changes)</source>
            <translation>
                <numerusform>its status history (%n change)</numerusform>
                <numerusform>its status history (%n changes)</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../../app/ui/main_window/removal_text.py" />
            <source>%n messages still waiting to be sent, which will never be sent</source>
            <translation>
                <numerusform>%n message still waiting to be sent, which will never be sent</numerusform>
                <numerusform>%n messages still waiting to be sent, which will never be sent</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../app/ui/main_window/removal_text.py" />
            <source>Jaga stops watching this number and deletes from this computer: %1.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../app/ui/main_window/removal_text.py" />
            <source>Kept: the link on the phone (it stays under Linked devices until you log it out) and Jaga's event log. Log out first to unlink the phone as well.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../app/ui/main_window/secrets_banner.py" />
            <source>No keyring on this computer</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../app/ui/main_window/secrets_banner.py" />
            <source>Jaga keeps its passwords (the bridge's and the shop API key) in a file only you can read: %1. They stay the same after a restart, and move into a keyring once this computer has one.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../app/ui/main_window/secrets_banner.py" />
            <source>Jaga could not save its passwords, not even in its data folder: the bridge password and the shop API key change at every start.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../app/ui/main_window/window.py" />
            <source>Jaga — WhatsApp numbers</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../app/ui/main_window/window.py" />
            <source> (demo)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../app/ui/main_window/window.py" />
            <source>WhatsApp numbers</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../app/ui/main_window/window.py" />
            <source>&amp;Add number</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../app/ui/main_window/window.py" />
            <source>Add a WhatsApp number</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../app/ui/main_window/window.py" />
            <source>&amp;Bridge…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../app/ui/main_window/window.py" />
            <source>Open the bridge panel</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../app/ui/main_window/window.py" />
            <source>S&amp;ettings…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../app/ui/main_window/window.py" />
            <source>Shop &amp;API…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../app/ui/main_window/window.py" />
            <source>Add your WhatsApp number</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../app/ui/main_window/window.py" />
            <source>Jaga keeps your shop's WhatsApp numbers connected and tells you the moment one drops.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../app/ui/main_window/window.py" />
            <source>&lt;ol&gt;&lt;li&gt;Click &lt;b&gt;Add your first number&lt;/b&gt; and give it a name.&lt;/li&gt;&lt;li&gt;On the phone: &lt;b&gt;WhatsApp&lt;/b&gt; → &lt;b&gt;Linked devices&lt;/b&gt; → &lt;b&gt;Link a device&lt;/b&gt;.&lt;/li&gt;&lt;li&gt;Scan the code Jaga shows. Done — Jaga keeps it connected.&lt;/li&gt;&lt;/ol&gt;</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../app/ui/main_window/window.py" />
            <source>Add your first number</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../app/ui/main_window/window.py" />
            <source>Add your first WhatsApp number</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../app/ui/main_window/window.py" />
            <location filename="../../app/ui/tray/tray_icon.py" />
            <source>Reconnect</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../app/ui/main_window/window.py" />
            <location filename="../../app/ui/shared/notices.py" />
            <location filename="../../app/ui/tray/tray_icon.py" />
            <source>Link again</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../app/ui/main_window/window.py" />
            <source>Chats</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../app/ui/main_window/window.py" />
            <source>Bridge…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../app/ui/main_window/window.py" />
            <source>Settings…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../app/ui/main_window/window.py" />
            <source>Shop API…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../app/ui/main_window/window.py" />
            <location filename="../../app/ui/tray/tray_icon.py" />
            <source>Quit Jaga</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../app/ui/main_window/window.py" />
            <source>&amp;Jaga</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../app/ui/settings/dialog.py" />
            <source>Settings</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../app/ui/settings/dialog.py" />
            <source>Window and start-up</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../app/ui/settings/dialog.py" />
            <source>Closing the window keeps Jaga watching in the tray</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../app/ui/settings/dialog.py" />
            <source>This desktop has no tray: closing the window puts Jaga on the taskbar, where it keeps watching. Quit Jaga (in the Jaga menu) stops it.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../app/ui/settings/dialog.py" />
            <source>Start minimized</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../app/ui/settings/dialog.py" />
            <source>&amp;Language:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../app/ui/settings/dialog.py" />
            <source>Same as the computer</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../app/ui/settings/dialog.py" />
            <source>&amp;Numbers without a country code are in:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../app/ui/settings/dialog.py" />
            <source>Largest photo or file:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../app/ui/settings/dialog.py" />
            <source>All files together (received and sent), at most:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../app/ui/settings/dialog.py" />
            <source>When Jaga's files take this much, new photos and files that customers send are not downloaded: open them on the phone.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../app/ui/settings/dialog.py" />
            <source>&amp;Data folder:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../app/ui/settings/dialog.py" />
            <source>Change…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../app/ui/settings/dialog.py" />
            <source>Default</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../app/ui/settings/dialog.py" />
            <source>Jaga is using %1 now. A new data folder is used from the next start.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../app/ui/settings/dialog.py" />
            <source>Choose the data folder</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../app/ui/settings/dialog.py" />
            <source>(default)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../app/ui/settings/login_start.py" />
            <source>data folder %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../app/ui/settings/login_start.py" />
            <source>the default data folder</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../app/ui/settings/login_start.py" />
            <source>settings %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../app/ui/settings/login_start.py" />
            <source>demo</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../app/ui/settings/login_start.py" />
            <source>Start Jaga when I log in to this computer</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../app/ui/settings/login_start.py" />
            <source>Now another Jaga starts when you log in (%1).</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../app/ui/settings/login_start.py" />
            <source>Start at login</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../app/ui/settings/login_start.py" />
            <source>Another Jaga starts when you log in. Start this one instead?</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../app/ui/settings/login_start.py" />
            <source>The other one uses %1. Only one Jaga starts at login.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../app/ui/settings/login_start.py" />
            <source>Start this one instead</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../app/ui/settings/login_start.py" />
            <source>Keep the other</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../app/ui/settings/pacing_box.py" />
            <source>WhatsApp restricts numbers that send many messages quickly, or write to many people who never wrote to them. Jaga sends each number's messages one by one, a few seconds apart, like a person typing.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../app/ui/settings/pacing_box.py" />
            <source>&amp;Wait between messages:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../app/ui/settings/pacing_box.py" />
            <source>&amp;Plus a random wait of up to:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../app/ui/settings/pacing_box.py" />
            <source>&amp;New contacts per day:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../app/ui/settings/pacing_box.py" />
            <source>seconds</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../app/ui/settings/pacing_box.py" />
            <source>Messages to people this number never talked to stop at this many a day; the rest wait until midnight and go then. 0: no limit. Your customers' replies are never limited.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../app/ui/shared/ban_text.py" />
            <source>messages went to too many people who do not have this number in their contacts</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../app/ui/shared/ban_text.py" />
            <source>too many people blocked this number</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../app/ui/shared/ban_text.py" />
            <source>too many groups were made with people who do not have this number saved</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../app/ui/shared/ban_text.py" />
            <source>the same message went to too many people</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../app/ui/shared/ban_text.py" />
            <source>too many messages went to a broadcast list</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../app/ui/shared/ban_text.py" />
            <source>WhatsApp has banned this number for a while.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../app/ui/shared/ban_text.py" />
            <source>WhatsApp's reason: %1.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../app/ui/shared/ban_text.py" />
            <source>The ban ends at %1.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../app/ui/shared/ban_text.py" />
            <source>Jaga does not reconnect it by itself; start it again once the ban is over.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../app/ui/shared/error_text.py" />
            <source>Enter the phone number to send to.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../app/ui/shared/error_text.py" />
            <source>“%1” is not a phone number.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../app/ui/shared/error_text.py" />
            <source>“%1” is not a valid phone number.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../app/ui/shared/error_text.py" />
            <source>“%1” could be a number at home or abroad: type it with + first.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../app/ui/shared/error_text.py" />
            <source>Choose the events to send from: %1.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../app/ui/shared/error_text.py" />
            <source>Enter the webhook address, such as https://shop.example/hook.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../app/ui/shared/error_text.py" />
            <source>A webhook address cannot contain spaces, tabs, line breaks or other invisible characters.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../app/ui/shared/error_text.py" />
            <source>A webhook address is at most %1 characters.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../app/ui/shared/error_text.py" />
            <source>This webhook address cannot be read as a URL.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../app/ui/shared/error_text.py" />
            <source>A webhook address must start with http:// or https://.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../app/ui/shared/error_text.py" />
            <source>A webhook address must name a host, such as shop.example.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../app/ui/shared/error_text.py" />
            <source>A webhook address's port must be from 1 to 65535.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../app/ui/shared/error_text.py" />
            <source>Write an IPv6 address in brackets, such as http://[::1]:8080/hook.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../app/ui/shared/error_text.py" />
            <source>The IPv6 address in brackets is not valid.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../app/ui/shared/error_text.py" />
            <source>The message is too long (%1 characters; WhatsApp through Jaga takes %2 at most, fewer with emoji or non-Latin letters). Split it in two.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../app/ui/shared/error_text.py" />
            <source>The message contains characters that cannot be sent; type it again.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../app/ui/shared/error_text.py" />
            <source>That number no longer exists.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../app/ui/shared/error_text.py" />
            <source>The disk is full, so Jaga could not save. Free some space; nothing saved before is lost.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../app/ui/shared/error_text.py" />
            <source>Jaga's database is busy; please try again in a moment.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../app/ui/shared/error_text.py" />
            <source>Jaga cannot write to its database file (it is read-only). Give your user write access to Jaga's data folder, then restart Jaga.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../app/ui/shared/error_text.py" />
            <source>Jaga could not write to its database. See the log for details.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../app/ui/shared/error_text.py" />
            <source>A message that arrived could not be saved (it contains characters Jaga cannot store). It was put aside in the event log; the messages after it were saved.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../app/ui/shared/error_text.py" />
            <source>Jaga could not save incoming messages: %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../app/ui/shared/error_text.py" />
            <source>“%1” is not linked to a phone yet.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../app/ui/shared/error_text.py" />
            <source>Give the number a name, for example “Shop front”.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../app/ui/shared/error_text.py" />
            <source>A name cannot contain line breaks, tabs or control characters.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../app/ui/shared/error_text.py" />
            <source>That name is too long (100 characters at most).</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../app/ui/shared/error_text.py" />
            <source>WhatsApp refused this message: the number may not start new chats right now (error %1). Jaga does not send it again by itself.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../app/ui/shared/error_text.py" />
            <source>WhatsApp refused this message: sending to new contacts is locked for a while (error %1). Jaga does not send it again by itself.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../app/ui/shared/error_text.py" />
            <source>WhatsApp rejected this message (error %1). Jaga does not send it again by itself.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../app/ui/shared/error_text.py" />
            <location filename="../../app/ui/shared/formatting.py" />
            <source>No internet connection — Jaga reconnects by itself when it is back</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../app/ui/shared/error_text.py" />
            <source>The number %1 is not on WhatsApp; the message was not sent.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../app/ui/shared/error_text.py" />
            <source>WhatsApp refused to link by code (error %1: %2). Link by scanning the QR code instead.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../app/ui/shared/error_text.py" />
            <source>WhatsApp did not answer the request for a pairing code. Try again, or scan the QR code.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../app/ui/shared/event_text.py" />
            <source>it was killed by a signal</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../app/ui/shared/event_text.py" />
            <source>it ended with code %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../app/ui/shared/event_text.py" />
            <source>it did not get ready within %1 s</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../app/ui/shared/event_text.py" />
            <source>it stopped answering for %1 s</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../app/ui/shared/event_text.py" />
            <source>it did not stop within %1 s</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../app/ui/shared/event_text.py" />
            <source>it was stopped</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../app/ui/shared/event_text.py" />
            <source>you asked for a restart</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../app/ui/shared/event_text.py" />
            <source>The bridge refused to start (configuration error).</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../app/ui/shared/event_text.py" />
            <source>Node could not be found.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../app/ui/shared/event_text.py" />
            <source>Node could not be started (%1): %2</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../app/ui/shared/event_text.py" />
            <source>The bridge failed %1 times in %2 seconds (last: %3).</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../app/ui/shared/event_text.py" />
            <source>killed by %1 (signal %2)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../app/ui/shared/event_text.py" />
            <source>exited with code %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../app/ui/shared/event_text.py" />
            <source>Jaga asked it to stop</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../app/ui/shared/event_text.py" />
            <source>ended by Jaga: %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../app/ui/shared/event_text.py" />
            <source>not asked for (a crash)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../app/ui/shared/event_text.py" />
            <source>after the bridge started</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../app/ui/shared/event_text.py" />
            <source>at the regular check</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../app/ui/shared/event_text.py" />
            <source>after missed events</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../app/ui/shared/event_text.py" />
            <source>after a status change</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../app/ui/shared/event_text.py" />
            <source>you had stopped it</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../app/ui/shared/event_text.py" />
            <source>Jaga does not know this number</source>
            <translation type="unfinished" />
        </message>
        <message numerus="yes">
            <location filename="../../app/ui/shared/event_text.py" />
            <source>%n numbers started</source>
            <translation>
                <numerusform>%n number started</numerusform>
                <numerusform>%n numbers started</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../app/ui/shared/event_text.py" />
            <source>version %1, process %2</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../app/ui/shared/event_text.py" />
            <source>it was: %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../app/ui/shared/event_text.py" />
            <source>%1 until %2</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../app/ui/shared/event_text.py" />
            <source>new contacts locked for a while</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../app/ui/shared/event_text.py" />
            <source>a cap on new chats</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../app/ui/shared/event_text.py" />
            <source>the message is kept in the event log</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../app/ui/shared/event_text.py" />
            <source>see the bridge panel's log for the details</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../app/ui/shared/formatting.py" />
            <source>Stopped</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../app/ui/shared/formatting.py" />
            <source>Connecting…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../app/ui/shared/formatting.py" />
            <source>Waiting for QR scan</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../app/ui/shared/formatting.py" />
            <source>Waiting for pairing code</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../app/ui/shared/formatting.py" />
            <source>Connected</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../app/ui/shared/formatting.py" />
            <source>Reconnecting…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../app/ui/shared/formatting.py" />
            <source>Logged out — link again</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../app/ui/shared/formatting.py" />
            <source>Open on another computer</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../app/ui/shared/formatting.py" />
            <source>Failed</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../app/ui/shared/formatting.py" />
            <source>Bridge restarting…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../app/ui/shared/formatting.py" />
            <source>Bridge not responding…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../app/ui/shared/formatting.py" />
            <source>Bridge stopped</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../app/ui/shared/formatting.py" />
            <source>Bridge stopped after repeated failures — trying again at %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../app/ui/shared/formatting.py" />
            <source>Logged out by you</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../app/ui/shared/formatting.py" />
            <source>The QR code was not scanned in time.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../app/ui/shared/formatting.py" />
            <source>WhatsApp has blocked this number.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../app/ui/shared/formatting.py" />
            <source>WhatsApp asks for a newer version of Jaga.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../app/ui/shared/formatting.py" />
            <source>WhatsApp has banned this number for a while. Jaga does not reconnect it by itself.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../app/ui/shared/formatting.py" />
            <source>WhatsApp has banned this number. Check the WhatsApp app on the phone; Jaga does not reconnect it by itself.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../app/ui/shared/formatting.py" />
            <source>The saved link could not be read; it was put aside. Link again.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../app/ui/shared/formatting.py" />
            <source>The connection was lost.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../app/ui/shared/formatting.py" />
            <source>The connection timed out.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../app/ui/shared/formatting.py" />
            <source>A routine restart WhatsApp asks for after linking; Jaga reconnects at once.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../app/ui/shared/formatting.py" />
            <source>This computer was unlinked on the phone.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../app/ui/shared/formatting.py" />
            <source>The number was opened on another computer.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../app/ui/shared/formatting.py" />
            <source>Something went wrong inside the bridge.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../app/ui/shared/formatting.py" />
            <source>Stopped by you.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../app/ui/shared/formatting.py" />
            <source>The bridge stopped unexpectedly.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../app/ui/shared/formatting.py" />
            <source>The bridge was stopped.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../app/ui/shared/formatting.py" />
            <source>Not running on the bridge.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../app/ui/shared/formatting.py" />
            <source>You logged this number out.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../app/ui/shared/formatting.py" />
            <source>You restarted the bridge.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../app/ui/shared/formatting.py" />
            <source>The old link keys could not be deleted yet (disk full or database busy); Jaga keeps trying.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../app/ui/shared/formatting.py" />
            <source>The bridge's database was damaged and set aside; this number's link could not be read back. Link it again.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../app/ui/shared/formatting.py" />
            <source>The connection went silent; Jaga reconnects.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../app/ui/shared/formatting.py" />
            <source>WhatsApp could not continue the session; Jaga connects again.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../app/ui/shared/formatting.py" />
            <source>WhatsApp was unavailable for a moment.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../app/ui/shared/formatting.py" />
            <source>The saved link of this number is gone; Jaga will not re-link it silently. Link again.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../app/ui/shared/formatting.py" />
            <source>Scan the QR code with WhatsApp on the phone.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../app/ui/shared/formatting.py" />
            <source>Type the pairing code on the phone.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../app/ui/shared/formatting.py" />
            <source>Connecting to WhatsApp.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../app/ui/shared/formatting.py" />
            <location filename="../../app/ui/shared/notices.py" />
            <source>No internet connection</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../app/ui/shared/formatting.py" />
            <source>Number added</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../app/ui/shared/formatting.py" />
            <source>Number removed</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../app/ui/shared/formatting.py" />
            <source>Duplicate entry of this phone merged</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../app/ui/shared/formatting.py" />
            <source>You started it</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../app/ui/shared/formatting.py" />
            <source>You stopped it</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../app/ui/shared/formatting.py" />
            <source>You asked to reconnect</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../app/ui/shared/formatting.py" />
            <source>Started again by Jaga</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../app/ui/shared/formatting.py" />
            <source>Stopped by Jaga (not wanted)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../app/ui/shared/formatting.py" />
            <source>Bridge started</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../app/ui/shared/formatting.py" />
            <source>Bridge crashed</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../app/ui/shared/formatting.py" />
            <source>You restarted the bridge</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../app/ui/shared/formatting.py" />
            <source>Bridge stopped after repeated failures</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../app/ui/shared/formatting.py" />
            <source>You logged it out</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../app/ui/shared/formatting.py" />
            <source>A message that could not be saved was put aside</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../app/ui/shared/formatting.py" />
            <source>WhatsApp limited sending to new contacts</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../app/ui/shared/formatting.py" />
            <source>The limit on new contacts ended</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../app/ui/shared/formatting.py" />
            <source>Number found again in the bridge's records</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../app/ui/shared/formatting.py" />
            <source>The bridge's damaged database was set aside</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../app/ui/shared/formatting.py" />
            <source>Starting the bridge…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../app/ui/shared/formatting.py" />
            <source>Bridge running</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../app/ui/shared/formatting.py" />
            <source>Stopping the bridge…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../app/ui/shared/formatting.py" />
            <source>just now</source>
            <translation type="unfinished" />
        </message>
        <message numerus="yes">
            <location filename="../../app/ui/shared/formatting.py" />
            <source>%n min ago</source>
            <translation>
                <numerusform>%n min ago</numerusform>
                <numerusform>%n min ago</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../../app/ui/shared/formatting.py" />
            <source>%n h ago</source>
            <translation>
                <numerusform>%n h ago</numerusform>
                <numerusform>%n h ago</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../../app/ui/shared/formatting.py" />
            <source>%n days ago</source>
            <translation>
                <numerusform>%n day ago</numerusform>
                <numerusform>%n days ago</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../app/ui/shared/formatting.py" />
            <source>%1 s</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../app/ui/shared/formatting.py" />
            <source>%1 min</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../app/ui/shared/formatting.py" />
            <source>%1 h %2 min</source>
            <translation type="unfinished" />
        </message>
        <message numerus="yes">
            <location filename="../../app/ui/shared/formatting.py" />
            <source>%n days</source>
            <translation>
                <numerusform>%n day</numerusform>
                <numerusform>%n days</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../app/ui/shared/formatting.py" />
            <source>%1 h</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../app/ui/shared/formatting.py" />
            <source>Group %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../app/ui/shared/formatting.py" />
            <source>Contact %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../app/ui/shared/formatting.py" />
            <source>Waiting to be sent</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../app/ui/shared/formatting.py" />
            <source>Sent</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../app/ui/shared/formatting.py" />
            <source>Read</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../app/ui/shared/formatting.py" />
            <source>Queued — will send when reconnected</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../app/ui/shared/formatting.py" />
            <source>Today's messages to new contacts are used up (Safe sending); the rest go at %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../app/ui/shared/formatting.py" />
            <source>Sending to new contacts is limited for now</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../app/ui/shared/formatting.py" />
            <source>Sending to new contacts is limited until %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../app/ui/shared/keeper_text.py" />
            <source>Jaga's link to the bridge stopped after an error; Jaga started it again.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../app/ui/shared/keeper_text.py" />
            <source>Jaga's message sender stopped after an error; Jaga started it again.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../app/ui/shared/keeper_text.py" />
            <source>Jaga's check of your numbers stopped after an error; Jaga started it again.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../app/ui/shared/keeper_text.py" />
            <source>Jaga's webhook sender stopped after an error; Jaga started it again.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../app/ui/shared/keeper_text.py" />
            <source>A part of Jaga stopped after an error; Jaga started it again.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../app/ui/shared/keeper_text.py" />
            <source>Some of Jaga's background work failed; the details are in jaga.log.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../app/ui/shared/media_text.py" />
            <source>Too large — open it on the phone</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../app/ui/shared/media_text.py" />
            <source>Could not be downloaded — open it on the phone</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../app/ui/shared/media_text.py" />
            <source>The file%1 is no longer there.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../app/ui/shared/media_text.py" />
            <source>“%1” is a folder, not a file.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../app/ui/shared/media_text.py" />
            <source>The file%1 cannot be read: %2.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../app/ui/shared/media_text.py" />
            <source>The file%1 is too large: Jaga sends files up to %2 (change it in Settings).</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../app/ui/shared/media_text.py" />
            <source>The file%1 is empty.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../app/ui/shared/media_text.py" />
            <source>The disk is full: the file could not be copied into Jaga's data folder. Free some space and try again.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../app/ui/shared/media_text.py" />
            <source>The file could not be copied into Jaga's data folder: %1.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../app/ui/shared/media_text.py" />
            <source>Jaga cannot send a “%1”.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../app/ui/shared/media_text.py" />
            <source>This file is not a photo (JPEG, PNG or WebP); send it as a document.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../app/ui/shared/media_text.py" />
            <source>This file is not a video WhatsApp plays (MP4); send it as a document.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../app/ui/shared/media_text.py" />
            <source>This file is not a sound file; send it as a document.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../app/ui/shared/media_text.py" />
            <source>A voice note or sound file cannot carry words; send them as a message of their own.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../app/ui/shared/media_text.py" />
            <source>A voice note must be an Ogg/Opus sound file (.ogg or .opus).</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../app/ui/shared/media_text.py" />
            <source>Photo</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../app/ui/shared/media_text.py" />
            <source>Video</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../app/ui/shared/media_text.py" />
            <source>Audio</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../app/ui/shared/media_text.py" />
            <source>Voice note</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../app/ui/shared/media_text.py" />
            <source>Document</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../app/ui/shared/media_text.py" />
            <source>Sticker</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../app/ui/shared/media_text.py" />
            <source>File</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../app/ui/shared/message_look.py" />
            <source>A message could not be read — check the phone</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../app/ui/shared/notices.py" />
            <source>“%1”</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../app/ui/shared/notices.py" />
            <source>%1 and %2</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../app/ui/shared/notices.py" />
            <source>%1 were logged out</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../app/ui/shared/notices.py" />
            <source>%1 was logged out</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../app/ui/shared/notices.py" />
            <source>WhatsApp unlinked this computer. Scan a new QR code to link it again.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../app/ui/shared/notices.py" />
            <source>%1 are open on another computer</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../app/ui/shared/notices.py" />
            <source>%1 is open on another computer</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../app/ui/shared/notices.py" />
            <source>WhatsApp moved this number to another computer. Reconnect to use it here.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../app/ui/shared/notices.py" />
            <source>Reconnect here</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../app/ui/shared/notices.py" />
            <source>%1 stopped working</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../app/ui/shared/notices.py" />
            <source>WhatsApp refused the connection.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../app/ui/shared/notices.py" />
            <source>Fix</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../app/ui/shared/notices.py" />
            <source>Jaga's bridge has stopped</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../app/ui/shared/notices.py" />
            <source>No number is connected until it runs again. Jaga tries again by itself every 5 minutes; Restart in the bridge panel tries now.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../app/ui/shared/notices.py" />
            <source>Open bridge panel</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../app/ui/shared/notices.py" />
            <source>%1 are offline.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../app/ui/shared/notices.py" />
            <source>%1 is offline.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../app/ui/shared/notices.py" />
            <source>Jaga reconnects by itself when the internet is back.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../app/ui/shared/notices.py" />
            <source>%1 are still reconnecting</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../app/ui/shared/notices.py" />
            <source>%1 is still reconnecting</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../app/ui/shared/notices.py" />
            <source>Offline for more than 30 seconds; Jaga keeps trying.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../app/ui/tray/tray_icon.py" />
            <source>Open Jaga</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../app/ui/tray/tray_icon.py" />
            <source>The bridge is down: no number is connected</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../app/ui/tray/tray_icon.py" />
            <source>Needs you: %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../app/ui/tray/tray_icon.py" />
            <source>Reconnecting: %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../app/ui/tray/tray_icon.py" />
            <source>Starting…</source>
            <translation type="unfinished" />
        </message>
        <message numerus="yes">
            <location filename="../../app/ui/tray/tray_icon.py" />
            <source>All %n numbers connected</source>
            <translation>
                <numerusform>Your number is connected</numerusform>
                <numerusform>All %n numbers connected</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../app/ui/tray/tray_icon.py" />
            <source>No number is running</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../app/ui/tray/tray_icon.py" />
            <source>No numbers yet</source>
            <translation type="unfinished" />
        </message>
    </context>
</TS>
