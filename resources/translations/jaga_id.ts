<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="id" sourcelanguage="en">
    <context>
        <name>Jaga</name>
        <message>
            <location filename="../../app/start/db_start.py" />
            <source>Jaga cannot open this data folder</source>
            <translation>Jaga tidak bisa membuka folder data ini</translation>
        </message>
        <message>
            <location filename="../../app/start/db_start.py" />
            <source>This data folder was last used by a newer version of Jaga (database version %1). This Jaga cannot read it and has not changed anything in it.

Install the newer Jaga again, or start this one with another data folder (--data-dir).

Data folder: %2</source>
            <translation>Folder data ini terakhir dipakai oleh Jaga versi yang lebih baru (versi database %1). Jaga ini tidak bisa membacanya dan tidak mengubah apa pun di dalamnya.

Pasang lagi Jaga yang lebih baru, atau jalankan Jaga ini dengan folder data lain (--data-dir).

Folder data: %2</translation>
        </message>
        <message>
            <location filename="../../app/start/db_start.py" />
            <source>The damaged file is kept, untouched, in %1.</source>
            <translation>File yang rusak disimpan, tanpa diubah, di %1.</translation>
        </message>
        <message>
            <location filename="../../app/start/db_start.py" />
            <source>Jaga put back its backup %1: your numbers and messages up to that backup are here; anything newer is only in the damaged copy.</source>
            <translation>Jaga memulihkan cadangannya %1: nomor dan pesan Anda sampai cadangan itu ada di sini; yang lebih baru hanya ada di salinan yang rusak.</translation>
        </message>
        <message>
            <location filename="../../app/start/db_start.py" />
            <source>There was no backup yet, so the list of numbers starts empty. Your WhatsApp links are kept separately by the bridge.</source>
            <translation>Belum ada cadangan, jadi daftar nomor mulai kosong. Tautan WhatsApp Anda disimpan terpisah oleh penghubung.</translation>
        </message>
        <message>
            <location filename="../../app/start/db_start.py" />
            <source>To restore another backup by hand: quit Jaga, copy a file from the backups folder over app.sqlite3 in the data folder, and start Jaga again.</source>
            <translation>Untuk memulihkan cadangan lain secara manual: tutup Jaga, salin sebuah file dari folder backups untuk menimpa app.sqlite3 di folder data, lalu jalankan Jaga lagi.</translation>
        </message>
        <message>
            <location filename="../../app/start/db_start.py" />
            <source>Jaga's database was damaged</source>
            <translation>Database Jaga rusak</translation>
        </message>
        <message>
            <location filename="../../app/start/db_start.py" />
            <source>Jaga's database (app.sqlite3) could not be read, probably after a power cut or a full disk. SQLite said: %1</source>
            <translation>Database Jaga (app.sqlite3) tidak bisa dibaca, mungkin setelah listrik padam atau disk penuh. Kata SQLite: %1</translation>
        </message>
        <message>
            <location filename="../../app/start/db_start.py" />
            <source>Jaga's list of numbers is empty (app.sqlite3 is an empty file)</source>
            <translation>Daftar nomor Jaga kosong (app.sqlite3 adalah file kosong)</translation>
        </message>
        <message>
            <location filename="../../app/start/db_start.py" />
            <source>Jaga's list of numbers is missing (there is no app.sqlite3)</source>
            <translation>Daftar nomor Jaga hilang (tidak ada app.sqlite3)</translation>
        </message>
        <message>
            <location filename="../../app/start/db_start.py" />
            <source>Jaga's list of numbers is empty</source>
            <translation>Daftar nomor Jaga kosong</translation>
        </message>
        <message>
            <location filename="../../app/start/db_start.py" />
            <source>Bring your numbers back?</source>
            <translation>Kembalikan nomor Anda?</translation>
        </message>
        <message numerus="yes">
            <location filename="../../app/start/db_start.py" />
            <source>but the bridge still holds the WhatsApp links of %n numbers. Bring them back? They reconnect without a new QR code; their names and past messages cannot be recovered.</source>
            <translation>
                <numerusform>tetapi penghubung masih menyimpan tautan WhatsApp %n nomor. Kembalikan? Nomor tersambung lagi tanpa kode QR baru; nama dan pesan lamanya tidak bisa dipulihkan.</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../app/start/db_start.py" />
            <source>Jaga could not start</source>
            <translation>Jaga tidak bisa dimulai</translation>
        </message>
        <message>
            <location filename="../../app/start/db_start.py" />
            <source>Jaga could not start: %1

The details are in jaga.log in the logs folder of %2. Nothing in the data folder was deleted.</source>
            <translation>Jaga tidak bisa dimulai: %1

Rinciannya ada di jaga.log di folder logs pada %2. Tidak ada yang dihapus dari folder data.</translation>
        </message>
        <message>
            <location filename="../../app/start/db_start.py" />
            <source>Bring them back</source>
            <translation>Kembalikan</translation>
        </message>
        <message>
            <location filename="../../app/start/db_start.py" />
            <source>Not now</source>
            <translation>Nanti saja</translation>
        </message>
        <message>
            <location filename="../../app/start/db_start.py" />
            <source>Number %1</source>
            <translation>Nomor %1</translation>
        </message>
        <message>
            <location filename="../../app/start/screen_check.py" />
            <source>Jaga cannot open its window: this computer lacks libraries that Qt needs to draw it. Install them, then start Jaga again:</source>
            <translation>Jaga tidak bisa membuka jendelanya: komputer ini belum punya pustaka yang dibutuhkan Qt untuk menggambarnya. Pasang dulu, lalu buka Jaga lagi:</translation>
        </message>
        <message>
            <location filename="../../app/ui/bridge_status/panel.py" />
            <source>Bridge</source>
            <translation>Penghubung</translation>
        </message>
        <message>
            <location filename="../../app/ui/bridge_status/panel.py" />
            <source>State:</source>
            <translation>Keadaan:</translation>
        </message>
        <message>
            <location filename="../../app/ui/bridge_status/panel.py" />
            <source>Process id:</source>
            <translation>ID proses:</translation>
        </message>
        <message>
            <location filename="../../app/ui/bridge_status/panel.py" />
            <source>Running for:</source>
            <translation>Berjalan selama:</translation>
        </message>
        <message>
            <location filename="../../app/ui/bridge_status/panel.py" />
            <source>Restarts:</source>
            <translation>Dimulai ulang:</translation>
        </message>
        <message>
            <location filename="../../app/ui/bridge_status/panel.py" />
            <source>Last exit:</source>
            <translation>Berhenti terakhir:</translation>
        </message>
        <message>
            <location filename="../../app/ui/bridge_status/panel.py" />
            <source>Exits of this run (newest first):</source>
            <translation>Berhenti selama Jaga berjalan (yang terbaru di atas):</translation>
        </message>
        <message>
            <location filename="../../app/ui/bridge_status/panel.py" />
            <source>Exits of the bridge</source>
            <translation>Penghubung berhenti</translation>
        </message>
        <message>
            <location filename="../../app/ui/bridge_status/panel.py" />
            <source>Recent log (newest at the bottom):</source>
            <translation>Log terbaru (yang paling baru di bawah):</translation>
        </message>
        <message>
            <location filename="../../app/ui/bridge_status/panel.py" />
            <source>Bridge log</source>
            <translation>Log penghubung</translation>
        </message>
        <message>
            <location filename="../../app/ui/bridge_status/panel.py" />
            <source>Restart bridge</source>
            <translation>Mulai ulang penghubung</translation>
        </message>
        <message>
            <location filename="../../app/ui/bridge_status/panel.py" />
            <source>Restart the bridge</source>
            <translation>Mulai ulang penghubung</translation>
        </message>
        <message>
            <location filename="../../app/ui/bridge_status/panel.py" />
            <source>Open log file</source>
            <translation>Buka file log</translation>
        </message>
        <message>
            <location filename="../../app/ui/bridge_status/panel.py" />
            <location filename="../../app/ui/gateway_setup/dialog.py" />
            <location filename="../../app/ui/inbox/hours_dialog.py" />
            <location filename="../../app/ui/inbox/labels_dialog.py" />
            <location filename="../../app/ui/inbox/quick_replies_dialog.py" />
            <location filename="../../app/ui/linking/dialog.py" />
            <source>Close</source>
            <translation>Tutup</translation>
        </message>
        <message>
            <location filename="../../app/ui/bridge_status/panel.py" />
            <source>Its last log line: %1</source>
            <translation>Baris log terakhirnya: %1</translation>
        </message>
        <message>
            <location filename="../../app/ui/bridge_status/panel.py" />
            <source>This computer has no program set to open the log file.</source>
            <translation>Komputer ini tidak punya program untuk membuka berkas log.</translation>
        </message>
        <message>
            <location filename="../../app/ui/bridge_status/panel.py" />
            <source>You find it here: %1</source>
            <translation>Berkasnya ada di sini: %1</translation>
        </message>
        <message>
            <location filename="../../app/ui/bridge_status/panel.py" />
            <location filename="../../app/ui/main_window/owner_actions.py" />
            <location filename="../../app/ui/main_window/presence.py" />
            <source>OK</source>
            <translation>OK</translation>
        </message>
        <message>
            <location filename="../../app/ui/chats/delegates.py" />
            <location filename="../../app/ui/chats/message_actions.py" />
            <source>Send again</source>
            <translation>Kirim lagi</translation>
        </message>
        <message>
            <location filename="../../app/ui/chats/hold_note.py" />
            <source>Waiting: %1</source>
            <translation>Menunggu: %1</translation>
        </message>
        <message>
            <location filename="../../app/ui/chats/media_actions.py" />
            <source>This message has no file.</source>
            <translation>Pesan ini tidak punya berkas.</translation>
        </message>
        <message>
            <location filename="../../app/ui/chats/media_actions.py" />
            <source>The file could not be opened: %1</source>
            <translation>Berkas tidak bisa dibuka: %1</translation>
        </message>
        <message>
            <location filename="../../app/ui/chats/media_actions.py" />
            <source>No program on this computer opens this kind of file.</source>
            <translation>Tidak ada program di komputer ini yang bisa membuka jenis berkas ini.</translation>
        </message>
        <message>
            <location filename="../../app/ui/chats/media_actions.py" />
            <source>Open a program?</source>
            <translation>Buka sebuah program?</translation>
        </message>
        <message>
            <location filename="../../app/ui/chats/media_actions.py" />
            <source>“%1” is a program or a launcher (%2): opening it runs it on this computer.</source>
            <translation>“%1” adalah program atau peluncur (%2): membukanya berarti menjalankannya di komputer ini.</translation>
        </message>
        <message>
            <location filename="../../app/ui/chats/media_actions.py" />
            <source>Open it only if you trust who sent it and expected it. Save as… keeps it unopened.</source>
            <translation>Buka hanya kalau Anda percaya pengirimnya dan memang menunggu berkas ini. Simpan sebagai… menyimpannya tanpa membukanya.</translation>
        </message>
        <message>
            <location filename="../../app/ui/chats/media_actions.py" />
            <source>Open anyway</source>
            <translation>Tetap buka</translation>
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
            <translation>Batal</translation>
        </message>
        <message>
            <location filename="../../app/ui/chats/media_actions.py" />
            <source>Save as</source>
            <translation>Simpan sebagai</translation>
        </message>
        <message>
            <location filename="../../app/ui/chats/media_actions.py" />
            <source>The file could not be saved: %1</source>
            <translation>Berkas tidak bisa disimpan: %1</translation>
        </message>
        <message>
            <location filename="../../app/ui/chats/message_actions.py" />
            <source>Copy text</source>
            <translation>Salin teks</translation>
        </message>
        <message>
            <location filename="../../app/ui/chats/message_actions.py" />
            <source>Open</source>
            <translation>Buka</translation>
        </message>
        <message>
            <location filename="../../app/ui/chats/message_actions.py" />
            <source>Save as…</source>
            <translation>Simpan sebagai…</translation>
        </message>
        <message>
            <location filename="../../app/ui/chats/model.py" />
            <location filename="../../app/ui/shared/formatting.py" />
            <source>Not sent</source>
            <translation>Tidak terkirim</translation>
        </message>
        <message>
            <location filename="../../app/ui/chats/model.py" />
            <location filename="../../app/ui/inbox/model.py" />
            <location filename="../../app/ui/inbox/search_view.py" />
            <source>You: %1</source>
            <translation>Anda: %1</translation>
        </message>
        <message>
            <location filename="../../app/ui/chats/model.py" />
            <source>You</source>
            <translation>Anda</translation>
        </message>
        <message>
            <location filename="../../app/ui/chats/model.py" />
            <source>Scheduled: leaves at %1</source>
            <translation>Terjadwal: dikirim pukul %1</translation>
        </message>
        <message>
            <location filename="../../app/ui/chats/model.py" />
            <source>From %1</source>
            <translation>Dari %1</translation>
        </message>
        <message>
            <location filename="../../app/ui/chats/model.py" />
            <source>tried %1 times, trying again</source>
            <translation>sudah dicoba %1 kali, dicoba lagi</translation>
        </message>
        <message>
            <location filename="../../app/ui/chats/new_message.py" />
            <source>New message</source>
            <translation>Pesan baru</translation>
        </message>
        <message>
            <location filename="../../app/ui/chats/new_message.py" />
            <source>&amp;To (phone number):</source>
            <translation>&amp;Kepada (nomor telepon):</translation>
        </message>
        <message>
            <location filename="../../app/ui/chats/new_message.py" />
            <source>for example 0812-3456-7890 or +62 812-3456-7890</source>
            <translation>misalnya 0812-3456-7890 atau +62 812-3456-7890</translation>
        </message>
        <message>
            <location filename="../../app/ui/chats/new_message.py" />
            <location filename="../../app/ui/demo/customer_dialog.py" />
            <source>&amp;Message:</source>
            <translation>&amp;Pesan:</translation>
        </message>
        <message>
            <location filename="../../app/ui/chats/new_message.py" />
            <source>Send</source>
            <translation>Kirim</translation>
        </message>
        <message>
            <location filename="../../app/ui/chats/new_message.py" />
            <source>Goes to %1</source>
            <translation>Dikirim ke %1</translation>
        </message>
        <message>
            <location filename="../../app/ui/chats/new_message.py" />
            <source>This number is in another country: %1. Press Send again to send there.</source>
            <translation>Nomor ini di negara lain: %1. Tekan Kirim sekali lagi untuk mengirim ke sana.</translation>
        </message>
        <message>
            <location filename="../../app/ui/chats/reply_box.py" />
            <source>&amp;Send</source>
            <translation>&amp;Kirim</translation>
        </message>
        <message>
            <location filename="../../app/ui/chats/reply_box.py" />
            <source>Reply</source>
            <translation>Balasan</translation>
        </message>
        <message>
            <location filename="../../app/ui/chats/reply_box.py" />
            <source>Attach…</source>
            <translation>Lampirkan…</translation>
        </message>
        <message>
            <location filename="../../app/ui/chats/reply_box.py" />
            <source>Attach a photo, document or voice note</source>
            <translation>Lampirkan foto, dokumen, atau pesan suara</translation>
        </message>
        <message>
            <location filename="../../app/ui/chats/reply_box.py" />
            <source>Attach a file</source>
            <translation>Lampirkan berkas</translation>
        </message>
        <message>
            <location filename="../../app/ui/chats/reply_box.py" />
            <source>Send as a voice note</source>
            <translation>Kirim sebagai pesan suara</translation>
        </message>
        <message>
            <location filename="../../app/ui/chats/reply_box.py" />
            <source>Remove the file</source>
            <translation>Hapus berkas ini</translation>
        </message>
        <message>
            <location filename="../../app/ui/chats/reply_box.py" />
            <source>Add a caption (optional) — Enter sends</source>
            <translation>Tambahkan keterangan (boleh kosong) — Enter untuk kirim</translation>
        </message>
        <message>
            <location filename="../../app/ui/chats/reply_box.py" />
            <source>Type a message — Enter sends, Shift+Enter starts a new line</source>
            <translation>Ketik pesan — Enter untuk kirim, Shift+Enter untuk baris baru</translation>
        </message>
        <message>
            <location filename="../../app/ui/chats/window.py" />
            <source>&amp;New message</source>
            <translation>&amp;Pesan baru</translation>
        </message>
        <message>
            <location filename="../../app/ui/chats/window.py" />
            <source>Write to a phone number</source>
            <translation>Kirim pesan ke sebuah nomor telepon</translation>
        </message>
        <message>
            <location filename="../../app/ui/chats/window.py" />
            <location filename="../../app/ui/inbox/window.py" />
            <source>Conversations</source>
            <translation>Percakapan</translation>
        </message>
        <message>
            <location filename="../../app/ui/chats/window.py" />
            <source>Messages</source>
            <translation>Pesan</translation>
        </message>
        <message>
            <location filename="../../app/ui/chats/window.py" />
            <source>Choose a conversation on the left, or start one with &lt;b&gt;New message&lt;/b&gt;.</source>
            <translation>Pilih percakapan di sebelah kiri, atau mulai yang baru dengan &lt;b&gt;Pesan baru&lt;/b&gt;.</translation>
        </message>
        <message>
            <location filename="../../app/ui/chats/window.py" />
            <source>Chats — %1</source>
            <translation>Chat — %1</translation>
        </message>
        <message>
            <location filename="../../app/ui/chats/window.py" />
            <source>“%1” is not linked to a phone yet. Link it from the main window (Reconnect) before sending.</source>
            <translation>“%1” belum ditautkan ke HP. Tautkan dulu dari jendela utama (Sambungkan ulang) sebelum mengirim.</translation>
        </message>
        <message>
            <location filename="../../app/ui/chats/window.py" />
            <source>&lt;b&gt;Not connected now&lt;/b&gt; (%1). Messages you send wait in the queue and go out by themselves when the number reconnects.</source>
            <translation>&lt;b&gt;Belum tersambung&lt;/b&gt; (%1). Pesan yang Anda kirim menunggu di antrean dan terkirim sendiri saat nomor ini tersambung lagi.</translation>
        </message>
        <message>
            <location filename="../../app/ui/demo/customer_dialog.py" />
            <source>Hello, is this still available?</source>
            <translation>Halo, barang ini masih ada?</translation>
        </message>
        <message>
            <location filename="../../app/ui/demo/customer_dialog.py" />
            <source>A customer writes (demo)</source>
            <translation>Pelanggan menulis (demo)</translation>
        </message>
        <message>
            <location filename="../../app/ui/demo/customer_dialog.py" />
            <source>&amp;From (phone number):</source>
            <translation>&amp;Dari (nomor telepon):</translation>
        </message>
        <message>
            <location filename="../../app/ui/demo/customer_dialog.py" />
            <source>Send to this number</source>
            <translation>Kirim ke nomor ini</translation>
        </message>
        <message>
            <location filename="../../app/ui/demo/customer_dialog.py" />
            <location filename="../../app/ui/shared/error_text.py" />
            <source>The message is empty.</source>
            <translation>Pesannya kosong.</translation>
        </message>
        <message>
            <location filename="../../app/ui/gateway_setup/dialog.py" />
            <source>Shop API and webhooks</source>
            <translation>API toko dan webhook</translation>
        </message>
        <message>
            <location filename="../../app/ui/gateway_setup/dialog.py" />
            <source>Local API</source>
            <translation>API lokal</translation>
        </message>
        <message>
            <location filename="../../app/ui/gateway_setup/dialog.py" />
            <location filename="../../app/ui/settings/pacing_box.py" />
            <source>Safe sending</source>
            <translation>Pengiriman aman</translation>
        </message>
        <message>
            <location filename="../../app/ui/gateway_setup/dialog.py" />
            <source>Webhooks</source>
            <translation>Webhook</translation>
        </message>
        <message>
            <location filename="../../app/ui/gateway_setup/dialog.py" />
            <source>this computer's address</source>
            <translation>alamat komputer ini</translation>
        </message>
        <message>
            <location filename="../../app/ui/gateway_setup/dialog.py" />
            <source>Your shop's software reaches Jaga at %1 (routes: %2).</source>
            <translation>Software toko Anda menghubungi Jaga di %1 (daftar rute: %2).</translation>
        </message>
        <message>
            <location filename="../../app/ui/gateway_setup/dialog.py" />
            <source>&amp;Port:</source>
            <translation>&amp;Port:</translation>
        </message>
        <message>
            <location filename="../../app/ui/gateway_setup/dialog.py" />
            <source>Also answer on the shop's network (other computers)</source>
            <translation>Juga melayani jaringan toko (komputer lain)</translation>
        </message>
        <message>
            <location filename="../../app/ui/gateway_setup/dialog.py" />
            <source>Anyone on your shop's network who has the key can send from your numbers. Turn this on only on a network you trust.</source>
            <translation>Siapa pun di jaringan toko yang memegang kunci bisa mengirim pesan dari nomor Anda. Nyalakan hanya di jaringan yang Anda percaya.</translation>
        </message>
        <message>
            <location filename="../../app/ui/gateway_setup/dialog.py" />
            <source>A new port or network choice is used from the next start.</source>
            <translation>Port atau pilihan jaringan yang baru dipakai mulai Jaga dibuka berikutnya.</translation>
        </message>
        <message>
            <location filename="../../app/ui/gateway_setup/dialog.py" />
            <source>API &amp;key:</source>
            <translation>&amp;Kunci API:</translation>
        </message>
        <message>
            <location filename="../../app/ui/gateway_setup/dialog.py" />
            <location filename="../../app/ui/shared/notices.py" />
            <source>Show</source>
            <translation>Lihat</translation>
        </message>
        <message>
            <location filename="../../app/ui/gateway_setup/dialog.py" />
            <source>Copy</source>
            <translation>Salin</translation>
        </message>
        <message>
            <location filename="../../app/ui/gateway_setup/dialog.py" />
            <source>Make a new key</source>
            <translation>Buat kunci baru</translation>
        </message>
        <message>
            <location filename="../../app/ui/gateway_setup/dialog.py" />
            <source>Send it in the X-Api-Key header. A new key replaces the old one at once.</source>
            <translation>Kirim di header X-Api-Key. Kunci baru langsung menggantikan yang lama.</translation>
        </message>
        <message>
            <location filename="../../app/ui/gateway_setup/dialog.py" />
            <source>No keyring on this computer: the key is kept in %1, readable only by you.</source>
            <translation>Komputer ini tidak punya keyring: kunci disimpan di %1, hanya bisa dibaca oleh Anda.</translation>
        </message>
        <message>
            <location filename="../../app/ui/gateway_setup/dialog.py" />
            <source>No keyring on this computer: the key changes at every start.</source>
            <translation>Tidak ada keyring di komputer ini: kunci berganti setiap Jaga dibuka.</translation>
        </message>
        <message>
            <location filename="../../app/ui/gateway_setup/dialog.py" />
            <location filename="../../app/ui/settings/dialog.py" />
            <source>Save</source>
            <translation>Simpan</translation>
        </message>
        <message>
            <location filename="../../app/ui/gateway_setup/webhook_editor.py" />
            <source>Add a webhook address</source>
            <translation>Tambah alamat webhook</translation>
        </message>
        <message>
            <location filename="../../app/ui/gateway_setup/webhook_editor.py" />
            <source>&amp;Address:</source>
            <translation>&amp;Alamat:</translation>
        </message>
        <message>
            <location filename="../../app/ui/gateway_setup/webhook_editor.py" />
            <source>Webhook address</source>
            <translation>Alamat webhook</translation>
        </message>
        <message>
            <location filename="../../app/ui/gateway_setup/webhook_editor.py" />
            <source>&amp;Secret (for the signature):</source>
            <translation>&amp;Rahasia (untuk tanda tangan):</translation>
        </message>
        <message>
            <location filename="../../app/ui/gateway_setup/webhook_editor.py" />
            <source>Events:</source>
            <translation>Kejadian:</translation>
        </message>
        <message>
            <location filename="../../app/ui/gateway_setup/webhook_editor.py" />
            <source>Add address</source>
            <translation>Tambah alamat</translation>
        </message>
        <message>
            <location filename="../../app/ui/gateway_setup/webhooks_panel.py" />
            <source>Waiting</source>
            <translation>Menunggu</translation>
        </message>
        <message>
            <location filename="../../app/ui/gateway_setup/webhooks_panel.py" />
            <source>Trying again</source>
            <translation>Mencoba lagi</translation>
        </message>
        <message>
            <location filename="../../app/ui/gateway_setup/webhooks_panel.py" />
            <location filename="../../app/ui/shared/formatting.py" />
            <source>Delivered</source>
            <translation>Diterima</translation>
        </message>
        <message>
            <location filename="../../app/ui/gateway_setup/webhooks_panel.py" />
            <source>Refused by the address</source>
            <translation>Ditolak oleh alamat itu</translation>
        </message>
        <message>
            <location filename="../../app/ui/gateway_setup/webhooks_panel.py" />
            <source>Given up after 24 hours</source>
            <translation>Dihentikan setelah 24 jam</translation>
        </message>
        <message>
            <location filename="../../app/ui/gateway_setup/webhooks_panel.py" />
            <source>Retry now</source>
            <translation>Coba lagi sekarang</translation>
        </message>
        <message>
            <location filename="../../app/ui/gateway_setup/webhooks_panel.py" />
            <source>Replay since</source>
            <translation>Kirim ulang sejak</translation>
        </message>
        <message>
            <location filename="../../app/ui/gateway_setup/webhooks_panel.py" />
            <source>Send test ping</source>
            <translation>Kirim ping uji</translation>
        </message>
        <message>
            <location filename="../../app/ui/gateway_setup/webhooks_panel.py" />
            <location filename="../../app/ui/main_window/owner_actions.py" />
            <location filename="../../app/ui/main_window/window.py" />
            <source>Remove</source>
            <translation>Hapus</translation>
        </message>
        <message>
            <location filename="../../app/ui/gateway_setup/webhooks_panel.py" />
            <source>Add address…</source>
            <translation>Tambah alamat…</translation>
        </message>
        <message>
            <location filename="../../app/ui/gateway_setup/webhooks_panel.py" />
            <source>Time</source>
            <translation>Waktu</translation>
        </message>
        <message>
            <location filename="../../app/ui/gateway_setup/webhooks_panel.py" />
            <source>Event</source>
            <translation>Kejadian</translation>
        </message>
        <message>
            <location filename="../../app/ui/gateway_setup/webhooks_panel.py" />
            <source>State</source>
            <translation>Keadaan</translation>
        </message>
        <message>
            <location filename="../../app/ui/gateway_setup/webhooks_panel.py" />
            <source>Tries</source>
            <translation>Percobaan</translation>
        </message>
        <message>
            <location filename="../../app/ui/gateway_setup/webhooks_panel.py" />
            <source>Last answer</source>
            <translation>Jawaban terakhir</translation>
        </message>
        <message>
            <location filename="../../app/ui/gateway_setup/webhooks_panel.py" />
            <source>Add the address of your shop's software with “Add address…”.</source>
            <translation>Tambahkan alamat software toko Anda dengan “Tambah alamat…”.</translation>
        </message>
        <message>
            <location filename="../../app/ui/gateway_setup/webhooks_panel.py" />
            <source>Waiting to be delivered: %1</source>
            <translation>Menunggu dikirim: %1</translation>
        </message>
        <message>
            <location filename="../../app/ui/gateway_setup/webhooks_panel.py" />
            <source>Last success: %1</source>
            <translation>Terakhir berhasil: %1</translation>
        </message>
        <message>
            <location filename="../../app/ui/gateway_setup/webhooks_panel.py" />
            <source>never</source>
            <translation>belum pernah</translation>
        </message>
        <message>
            <location filename="../../app/ui/gateway_setup/webhooks_panel.py" />
            <source>Last failure: %1 — %2</source>
            <translation>Terakhir gagal: %1 — %2</translation>
        </message>
        <message>
            <location filename="../../app/ui/gateway_setup/webhooks_panel.py" />
            <source>Added.</source>
            <translation>Ditambahkan.</translation>
        </message>
        <message>
            <location filename="../../app/ui/gateway_setup/webhooks_panel.py" />
            <source>Sending again now: %1</source>
            <translation>Dikirim ulang sekarang: %1</translation>
        </message>
        <message>
            <location filename="../../app/ui/gateway_setup/webhooks_panel.py" />
            <source>Sending again: %1 events</source>
            <translation>Dikirim ulang: %1 kejadian</translation>
        </message>
        <message>
            <location filename="../../app/ui/gateway_setup/webhooks_panel.py" />
            <source>Sending a test ping…</source>
            <translation>Mengirim ping uji…</translation>
        </message>
        <message>
            <location filename="../../app/ui/gateway_setup/webhooks_panel.py" />
            <source>The address answered: %1</source>
            <translation>Jawaban alamat: %1</translation>
        </message>
        <message>
            <location filename="../../app/ui/inbox/banner.py" />
            <location filename="../../app/ui/inbox/conversation_menu.py" />
            <source>Open the chat</source>
            <translation>Buka chat</translation>
        </message>
        <message>
            <location filename="../../app/ui/inbox/banner.py" />
            <location filename="../../app/ui/shared/banner.py" />
            <source>Dismiss</source>
            <translation>Tutup</translation>
        </message>
        <message>
            <location filename="../../app/ui/inbox/completer.py" />
            <source>Quick replies: Up and Down choose, Enter puts it in</source>
            <translation>Balasan cepat: Atas dan Bawah memilih, Enter memasukkannya</translation>
        </message>
        <message>
            <location filename="../../app/ui/inbox/conversation_menu.py" />
            <source>Mark as read</source>
            <translation>Tandai sudah dibaca</translation>
        </message>
        <message>
            <location filename="../../app/ui/inbox/conversation_menu.py" />
            <source>Name this customer…</source>
            <translation>Beri nama pelanggan ini…</translation>
        </message>
        <message>
            <location filename="../../app/ui/inbox/conversation_menu.py" />
            <location filename="../../app/ui/inbox/labels_dialog.py" />
            <source>Labels</source>
            <translation>Label</translation>
        </message>
        <message>
            <location filename="../../app/ui/inbox/conversation_menu.py" />
            <source>This number has no labels yet (Labels…)</source>
            <translation>Nomor ini belum punya label (Label…)</translation>
        </message>
        <message>
            <location filename="../../app/ui/inbox/conversation_menu.py" />
            <source>Name this customer</source>
            <translation>Beri nama pelanggan</translation>
        </message>
        <message>
            <location filename="../../app/ui/inbox/conversation_menu.py" />
            <source>Your name for %1 (empty: the name they gave themselves on WhatsApp):</source>
            <translation>Nama Anda untuk %1 (kosong: nama yang mereka pakai di WhatsApp):</translation>
        </message>
        <message>
            <location filename="../../app/ui/inbox/conversation_menu.py" />
            <location filename="../../app/ui/main_window/inbox_hooks.py" />
            <source>Inbox</source>
            <translation>Kotak masuk</translation>
        </message>
        <message>
            <location filename="../../app/ui/inbox/hours_dialog.py" />
            <source>Monday</source>
            <translation>Senin</translation>
        </message>
        <message>
            <location filename="../../app/ui/inbox/hours_dialog.py" />
            <source>Tuesday</source>
            <translation>Selasa</translation>
        </message>
        <message>
            <location filename="../../app/ui/inbox/hours_dialog.py" />
            <source>Wednesday</source>
            <translation>Rabu</translation>
        </message>
        <message>
            <location filename="../../app/ui/inbox/hours_dialog.py" />
            <source>Thursday</source>
            <translation>Kamis</translation>
        </message>
        <message>
            <location filename="../../app/ui/inbox/hours_dialog.py" />
            <source>Friday</source>
            <translation>Jumat</translation>
        </message>
        <message>
            <location filename="../../app/ui/inbox/hours_dialog.py" />
            <source>Saturday</source>
            <translation>Sabtu</translation>
        </message>
        <message>
            <location filename="../../app/ui/inbox/hours_dialog.py" />
            <source>Sunday</source>
            <translation>Minggu</translation>
        </message>
        <message>
            <location filename="../../app/ui/inbox/hours_dialog.py" />
            <source>Hours and notices</source>
            <translation>Jam buka dan pemberitahuan</translation>
        </message>
        <message>
            <location filename="../../app/ui/inbox/hours_dialog.py" />
            <source>Opening hours and away message</source>
            <translation>Jam buka dan pesan tutup</translation>
        </message>
        <message>
            <location filename="../../app/ui/inbox/hours_dialog.py" />
            <source>Notices and reading</source>
            <translation>Pemberitahuan dan membaca</translation>
        </message>
        <message>
            <location filename="../../app/ui/inbox/hours_dialog.py" />
            <source>Your local time. Write one or more spans a day, such as 08:00-12:00, 13:00-17:00; leave a day empty when the shop is closed.</source>
            <translation>Waktu setempat. Tulis satu atau beberapa rentang per hari, misalnya 08:00-12:00, 13:00-17:00; kosongkan hari ketika toko tutup.</translation>
        </message>
        <message>
            <location filename="../../app/ui/inbox/hours_dialog.py" />
            <source>Send an &amp;away message outside these hours</source>
            <translation>Kirim &amp;pesan tutup di luar jam ini</translation>
        </message>
        <message>
            <location filename="../../app/ui/inbox/hours_dialog.py" />
            <source>Thank you! We are closed now and answer tomorrow morning.</source>
            <translation>Terima kasih! Kami sedang tutup dan akan membalas besok pagi.</translation>
        </message>
        <message>
            <location filename="../../app/ui/inbox/hours_dialog.py" />
            <source>Send a &amp;greeting to a customer's first message</source>
            <translation>Kirim &amp;salam untuk pesan pertama pelanggan</translation>
        </message>
        <message>
            <location filename="../../app/ui/inbox/hours_dialog.py" />
            <source>Welcome! How can we help?</source>
            <translation>Selamat datang! Ada yang bisa kami bantu?</translation>
        </message>
        <message>
            <location filename="../../app/ui/inbox/hours_dialog.py" />
            <source>Tell me when a customer writes to this number</source>
            <translation>Beri tahu saya saat pelanggan menulis ke nomor ini</translation>
        </message>
        <message>
            <location filename="../../app/ui/inbox/hours_dialog.py" />
            <source>Quiet from</source>
            <translation>Senyap dari</translation>
        </message>
        <message>
            <location filename="../../app/ui/inbox/hours_dialog.py" />
            <source>until</source>
            <translation>sampai</translation>
        </message>
        <message>
            <location filename="../../app/ui/inbox/hours_dialog.py" />
            <source>Tell me about group messages too</source>
            <translation>Beri tahu juga pesan grup</translation>
        </message>
        <message>
            <location filename="../../app/ui/inbox/hours_dialog.py" />
            <source>Reading a chat in Jaga shows blue ticks to the customer</source>
            <translation>Membaca chat di Jaga menampilkan centang biru ke pelanggan</translation>
        </message>
        <message>
            <location filename="../../app/ui/inbox/hours_dialog.py" />
            <source>The away message goes once per customer a day, never to a group, and not when you answered that customer in the last hour.</source>
            <translation>Pesan tutup dikirim sekali per pelanggan sehari, tidak pernah ke grup, dan tidak bila Anda membalas pelanggan itu dalam satu jam terakhir.</translation>
        </message>
        <message>
            <location filename="../../app/ui/inbox/hours_dialog.py" />
            <source>Off: reading a chat in Jaga clears its unread count only; the customer sees blue ticks when you read it on the phone.</source>
            <translation>Mati: membaca chat di Jaga hanya menghapus hitungan belum dibaca; pelanggan melihat centang biru saat Anda membacanya di HP.</translation>
        </message>
        <message>
            <location filename="../../app/ui/inbox/hours_dialog.py" />
            <location filename="../../app/ui/inbox/labels_dialog.py" />
            <location filename="../../app/ui/inbox/quick_replies_dialog.py" />
            <source>&amp;Save</source>
            <translation>&amp;Simpan</translation>
        </message>
        <message>
            <location filename="../../app/ui/inbox/labels_dialog.py" />
            <location filename="../../app/ui/inbox/quick_replies_dialog.py" />
            <source>&amp;Name:</source>
            <translation>&amp;Nama:</translation>
        </message>
        <message>
            <location filename="../../app/ui/inbox/labels_dialog.py" />
            <source>&amp;Colour:</source>
            <translation>&amp;Warna:</translation>
        </message>
        <message>
            <location filename="../../app/ui/inbox/labels_dialog.py" />
            <source>Colour %1</source>
            <translation>Warna %1</translation>
        </message>
        <message>
            <location filename="../../app/ui/inbox/labels_dialog.py" />
            <source>&amp;New label</source>
            <translation>Label &amp;baru</translation>
        </message>
        <message>
            <location filename="../../app/ui/inbox/labels_dialog.py" />
            <location filename="../../app/ui/inbox/quick_replies_dialog.py" />
            <source>&amp;Delete</source>
            <translation>&amp;Hapus</translation>
        </message>
        <message>
            <location filename="../../app/ui/inbox/labels_dialog.py" />
            <source>For example “Sudah bayar”</source>
            <translation>Misalnya “Sudah bayar”</translation>
        </message>
        <message>
            <location filename="../../app/ui/inbox/labels_dialog.py" />
            <source>A WhatsApp Business number: these are WhatsApp's own labels; a change here shows on the phone too.</source>
            <translation>Nomor WhatsApp Business: ini label WhatsApp sendiri; perubahan di sini juga tampil di HP.</translation>
        </message>
        <message>
            <location filename="../../app/ui/inbox/labels_dialog.py" />
            <source>Labels of this number are kept in Jaga.</source>
            <translation>Label nomor ini disimpan di Jaga.</translation>
        </message>
        <message>
            <location filename="../../app/ui/inbox/message_notices.py" />
            <source>%1 — %2</source>
            <translation>%1 — %2</translation>
        </message>
        <message numerus="yes">
            <location filename="../../app/ui/inbox/message_notices.py" />
            <source>%1: %n new messages</source>
            <translation>
                <numerusform>%1: %n pesan baru</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../../app/ui/inbox/message_notices.py" />
            <source>from %n customers</source>
            <translation>
                <numerusform>dari %n pelanggan</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../../app/ui/inbox/model.py" />
            <location filename="../../app/ui/inbox/window.py" />
            <source>%n unread</source>
            <translation>
                <numerusform>%n belum dibaca</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../app/ui/inbox/model.py" />
            <source>waiting for an answer</source>
            <translation>menunggu balasan</translation>
        </message>
        <message>
            <location filename="../../app/ui/inbox/quick_replies_dialog.py" />
            <source>Quick replies</source>
            <translation>Balasan cepat</translation>
        </message>
        <message>
            <location filename="../../app/ui/inbox/quick_replies_dialog.py" />
            <source>terima</source>
            <translation>terima</translation>
        </message>
        <message>
            <location filename="../../app/ui/inbox/quick_replies_dialog.py" />
            <source>&amp;Words:</source>
            <translation>&amp;Kata-kata:</translation>
        </message>
        <message>
            <location filename="../../app/ui/inbox/quick_replies_dialog.py" />
            <source>&amp;For:</source>
            <translation>&amp;Untuk:</translation>
        </message>
        <message>
            <location filename="../../app/ui/inbox/quick_replies_dialog.py" />
            <source>In a chat, type / and the name (for example /terima) to put the words in the reply box. {name} becomes the customer's name, {number} their number, {today} today's date.</source>
            <translation>Di chat, ketik / lalu namanya (misalnya /terima) untuk memasukkan kata-katanya ke kotak balasan. {name} menjadi nama pelanggan, {number} nomornya, {today} tanggal hari ini.</translation>
        </message>
        <message>
            <location filename="../../app/ui/inbox/quick_replies_dialog.py" />
            <source>&amp;New reply</source>
            <translation>Balasan &amp;baru</translation>
        </message>
        <message>
            <location filename="../../app/ui/inbox/quick_replies_dialog.py" />
            <source>Every number</source>
            <translation>Semua nomor</translation>
        </message>
        <message>
            <location filename="../../app/ui/inbox/quick_replies_dialog.py" />
            <source>every number</source>
            <translation>semua nomor</translation>
        </message>
        <message numerus="yes">
            <location filename="../../app/ui/inbox/search_view.py" />
            <source>%n found</source>
            <translation>
                <numerusform>%n ditemukan</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../app/ui/inbox/search_view.py" />
            <source>Nothing found in any number's chats.</source>
            <translation>Tidak ada yang ditemukan di chat nomor mana pun.</translation>
        </message>
        <message>
            <location filename="../../app/ui/inbox/window.py" />
            <source>Inbox — every number's chats</source>
            <translation>Kotak masuk — chat semua nomor</translation>
        </message>
        <message>
            <location filename="../../app/ui/inbox/window.py" />
            <source>Search messages, customers' names and numbers</source>
            <translation>Cari pesan, nama pelanggan, dan nomor</translation>
        </message>
        <message>
            <location filename="../../app/ui/inbox/window.py" />
            <source>Search</source>
            <translation>Cari</translation>
        </message>
        <message>
            <location filename="../../app/ui/inbox/window.py" />
            <source>&amp;Waiting for an answer</source>
            <translation>&amp;Menunggu balasan</translation>
        </message>
        <message>
            <location filename="../../app/ui/inbox/window.py" />
            <source>&amp;Quick replies…</source>
            <translation>&amp;Balasan cepat…</translation>
        </message>
        <message>
            <location filename="../../app/ui/inbox/window.py" />
            <source>&amp;Labels…</source>
            <translation>&amp;Label…</translation>
        </message>
        <message>
            <location filename="../../app/ui/inbox/window.py" />
            <source>&amp;Hours and notices…</source>
            <translation>&amp;Jam buka dan pemberitahuan…</translation>
        </message>
        <message>
            <location filename="../../app/ui/inbox/window.py" />
            <source>No conversation here yet. When customers write to your numbers, they show here.</source>
            <translation>Belum ada percakapan di sini. Saat pelanggan menulis ke nomor Anda, percakapannya tampil di sini.</translation>
        </message>
        <message>
            <location filename="../../app/ui/inbox/window.py" />
            <source>All numbers</source>
            <translation>Semua nomor</translation>
        </message>
        <message>
            <location filename="../../app/ui/inbox/window.py" />
            <source>All labels</source>
            <translation>Semua label</translation>
        </message>
        <message numerus="yes">
            <location filename="../../app/ui/inbox/window.py" />
            <source>%n waiting for an answer</source>
            <translation>
                <numerusform>%n menunggu balasan</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../app/ui/inbox/words.py" />
            <source>Give the label a name, for example “Paid”.</source>
            <translation>Beri nama label, misalnya “Sudah bayar”.</translation>
        </message>
        <message>
            <location filename="../../app/ui/inbox/words.py" />
            <source>A label's name cannot contain line breaks or control characters.</source>
            <translation>Nama label tidak boleh berisi baris baru atau karakter kendali.</translation>
        </message>
        <message>
            <location filename="../../app/ui/inbox/words.py" />
            <source>A label's name is at most {max} characters (this one has {count}).</source>
            <translation>Nama label paling banyak {max} karakter (yang ini {count}).</translation>
        </message>
        <message>
            <location filename="../../app/ui/inbox/words.py" />
            <source>A label's colour is a number from 0 to {last}.</source>
            <translation>Warna label adalah angka dari 0 sampai {last}.</translation>
        </message>
        <message>
            <location filename="../../app/ui/inbox/words.py" />
            <source>“{given}” is not one of WhatsApp's label colours ({first} … {last}).</source>
            <translation>“{given}” bukan salah satu warna label WhatsApp ({first} … {last}).</translation>
        </message>
        <message>
            <location filename="../../app/ui/inbox/words.py" />
            <source>A label id is a whole number such as “3”.</source>
            <translation>ID label adalah bilangan bulat seperti “3”.</translation>
        </message>
        <message>
            <location filename="../../app/ui/inbox/words.py" />
            <source>This number has a label “{name}” already.</source>
            <translation>Nomor ini sudah punya label “{name}”.</translation>
        </message>
        <message>
            <location filename="../../app/ui/inbox/words.py" />
            <source>There is no label {id} on this number.</source>
            <translation>Tidak ada label {id} di nomor ini.</translation>
        </message>
        <message>
            <location filename="../../app/ui/inbox/words.py" />
            <source>Give the quick reply a short name, such as “terima”.</source>
            <translation>Beri balasan cepat nama pendek, misalnya “terima”.</translation>
        </message>
        <message>
            <location filename="../../app/ui/inbox/words.py" />
            <source>A quick reply's name is one word of letters and digits (at most {max}), such as “terima”.</source>
            <translation>Nama balasan cepat adalah satu kata dari huruf dan angka (paling banyak {max}), misalnya “terima”.</translation>
        </message>
        <message>
            <location filename="../../app/ui/inbox/words.py" />
            <source>Write the words of the quick reply.</source>
            <translation>Tulis kata-kata balasan cepatnya.</translation>
        </message>
        <message>
            <location filename="../../app/ui/inbox/words.py" />
            <source>A quick reply is at most {max} characters (this one has {count}).</source>
            <translation>Balasan cepat paling banyak {max} karakter (yang ini {count}).</translation>
        </message>
        <message>
            <location filename="../../app/ui/inbox/words.py" />
            <source>There is a quick reply “/{name}” already.</source>
            <translation>Sudah ada balasan cepat “/{name}”.</translation>
        </message>
        <message>
            <location filename="../../app/ui/inbox/words.py" />
            <source>“{given}” is not a time of day.</source>
            <translation>“{given}” bukan jam yang benar.</translation>
        </message>
        <message>
            <location filename="../../app/ui/inbox/words.py" />
            <source>Write opening hours as 08:00-17:00 (not “{given}”).</source>
            <translation>Tulis jam buka seperti 08:00-17:00 (bukan “{given}”).</translation>
        </message>
        <message>
            <location filename="../../app/ui/inbox/words.py" />
            <source>“{given}” is empty or ends before it starts; write a span such as 08:00-17:00.</source>
            <translation>“{given}” kosong atau berakhir sebelum mulai; tulis rentang seperti 08:00-17:00.</translation>
        </message>
        <message>
            <location filename="../../app/ui/inbox/words.py" />
            <source>{first} and {second} overlap.</source>
            <translation>{first} dan {second} bertumpuk.</translation>
        </message>
        <message>
            <location filename="../../app/ui/inbox/words.py" />
            <source>Write the away message, or turn it off.</source>
            <translation>Tulis pesan tutupnya, atau matikan.</translation>
        </message>
        <message>
            <location filename="../../app/ui/inbox/words.py" />
            <source>With no opening hours the away message would answer every message: add the hours you are open, or turn the away message off.</source>
            <translation>Tanpa jam buka, pesan tutup akan menjawab setiap pesan: tambahkan jam buka Anda, atau matikan pesan tutup.</translation>
        </message>
        <message>
            <location filename="../../app/ui/inbox/words.py" />
            <source>Write the greeting, or turn it off.</source>
            <translation>Tulis salamnya, atau matikan.</translation>
        </message>
        <message>
            <location filename="../../app/ui/inbox/words.py" />
            <source>An automatic answer is at most {max} characters.</source>
            <translation>Jawaban otomatis paling banyak {max} karakter.</translation>
        </message>
        <message>
            <location filename="../../app/ui/inbox/words.py" />
            <source>Search for at most {max} characters (this has {count}).</source>
            <translation>Cari paling banyak {max} karakter (ini {count}).</translation>
        </message>
        <message>
            <location filename="../../app/ui/inbox/words.py" />
            <source>Type a word, a name or a phone number to search for.</source>
            <translation>Ketik kata, nama, atau nomor telepon yang dicari.</translation>
        </message>
        <message>
            <location filename="../../app/ui/linking/dialog.py" />
            <location filename="../../app/ui/linking/pairing_page.py" />
            <source>Link %1</source>
            <translation>Tautkan %1</translation>
        </message>
        <message>
            <location filename="../../app/ui/linking/dialog.py" />
            <source>Link with a code instead</source>
            <translation>Tautkan dengan kode</translation>
        </message>
        <message>
            <location filename="../../app/ui/linking/dialog.py" />
            <source>Scan this code with WhatsApp</source>
            <translation>Pindai kode ini dengan WhatsApp</translation>
        </message>
        <message>
            <location filename="../../app/ui/linking/dialog.py" />
            <source>Done</source>
            <translation>Selesai</translation>
        </message>
        <message>
            <location filename="../../app/ui/linking/dialog.py" />
            <source>Connected as %1</source>
            <translation>Terhubung sebagai %1</translation>
        </message>
        <message>
            <location filename="../../app/ui/linking/dialog.py" />
            <source>This number is ready. Jaga keeps it connected from now on.</source>
            <translation>Nomor ini siap. Mulai sekarang Jaga menjaganya tetap terhubung.</translation>
        </message>
        <message>
            <location filename="../../app/ui/linking/dialog.py" />
            <source>Simulate typing the code on the phone (demo)</source>
            <translation>Simulasikan mengetik kode di ponsel (demo)</translation>
        </message>
        <message>
            <location filename="../../app/ui/linking/dialog.py" />
            <source>Simulate typing the code on the phone</source>
            <translation>Simulasikan mengetik kode di ponsel</translation>
        </message>
        <message>
            <location filename="../../app/ui/linking/dialog.py" />
            <source>Simulate phone scan (demo)</source>
            <translation>Simulasikan pindai HP (demo)</translation>
        </message>
        <message>
            <location filename="../../app/ui/linking/dialog.py" />
            <source>Simulate phone scan</source>
            <translation>Simulasikan pindai HP</translation>
        </message>
        <message>
            <location filename="../../app/ui/linking/pairing_page.py" />
            <source>On your phone open &lt;b&gt;WhatsApp&lt;/b&gt; → &lt;b&gt;Linked devices&lt;/b&gt; → &lt;b&gt;Link a device&lt;/b&gt; → &lt;b&gt;Link with phone number instead&lt;/b&gt;, then type this code.</source>
            <translation>Di HP, buka &lt;b&gt;WhatsApp&lt;/b&gt; → &lt;b&gt;Perangkat tertaut&lt;/b&gt; → &lt;b&gt;Tautkan perangkat&lt;/b&gt; → &lt;b&gt;Tautkan dengan nomor telepon saja&lt;/b&gt;, lalu ketik kode ini.</translation>
        </message>
        <message>
            <location filename="../../app/ui/linking/pairing_page.py" />
            <source>Link another phone?</source>
            <translation>Tautkan ponsel lain?</translation>
        </message>
        <message>
            <location filename="../../app/ui/linking/pairing_page.py" />
            <source>“%1” was linked to %2. Link it to %3 instead?</source>
            <translation>“%1” sebelumnya tertaut ke %2. Tautkan ke %3 sebagai gantinya?</translation>
        </message>
        <message>
            <location filename="../../app/ui/linking/pairing_page.py" />
            <source>Its name and its messages stay in Jaga; from now on it sends and receives as %1.</source>
            <translation>Nama dan pesannya tetap di Jaga; mulai sekarang nomor ini mengirim dan menerima sebagai %1.</translation>
        </message>
        <message>
            <location filename="../../app/ui/linking/pairing_page.py" />
            <source>The &amp;phone number of this WhatsApp:</source>
            <translation>Nomor &amp;HP WhatsApp ini:</translation>
        </message>
        <message>
            <location filename="../../app/ui/linking/pairing_page.py" />
            <source>0812-3456-7890 or +62 812-3456-7890</source>
            <translation>0812-3456-7890 atau +62 812-3456-7890</translation>
        </message>
        <message>
            <location filename="../../app/ui/linking/pairing_page.py" />
            <location filename="../../app/ui/main_window/accounts_model.py" />
            <source>Phone number</source>
            <translation>Nomor HP</translation>
        </message>
        <message>
            <location filename="../../app/ui/linking/pairing_page.py" />
            <source>Get code</source>
            <translation>Minta kode</translation>
        </message>
        <message>
            <location filename="../../app/ui/linking/pairing_page.py" />
            <source>Pairing code</source>
            <translation>Kode tautan</translation>
        </message>
        <message>
            <location filename="../../app/ui/linking/pairing_page.py" />
            <source>Scan a QR code instead</source>
            <translation>Pindai kode QR saja</translation>
        </message>
        <message>
            <location filename="../../app/ui/linking/pairing_page.py" />
            <source>This code has run out. Get a new one.</source>
            <translation>Kode ini sudah habis waktunya. Minta kode baru.</translation>
        </message>
        <message>
            <location filename="../../app/ui/linking/pairing_page.py" />
            <source>Type it on the phone within %1</source>
            <translation>Ketik di HP dalam %1</translation>
        </message>
        <message>
            <location filename="../../app/ui/linking/pairing_page.py" />
            <source>Could not get a code: %1</source>
            <translation>Gagal meminta kode: %1</translation>
        </message>
        <message>
            <location filename="../../app/ui/linking/qr_page.py" />
            <source>On your phone open &lt;b&gt;WhatsApp&lt;/b&gt; → &lt;b&gt;Settings&lt;/b&gt; (or ⋮) → &lt;b&gt;Linked devices&lt;/b&gt; → &lt;b&gt;Link a device&lt;/b&gt;, then point the phone at this code.</source>
            <translation>Di HP, buka &lt;b&gt;WhatsApp&lt;/b&gt; → &lt;b&gt;Setelan&lt;/b&gt; (atau ⋮) → &lt;b&gt;Perangkat tertaut&lt;/b&gt; → &lt;b&gt;Tautkan perangkat&lt;/b&gt;, lalu arahkan kamera HP ke kode ini.</translation>
        </message>
        <message>
            <location filename="../../app/ui/linking/qr_page.py" />
            <source>Connecting… A code appears here if WhatsApp asks for one.</source>
            <translation>Menyambung… Kode muncul di sini kalau WhatsApp memintanya.</translation>
        </message>
        <message>
            <location filename="../../app/ui/linking/qr_page.py" />
            <source>QR code to scan</source>
            <translation>Kode QR untuk dipindai</translation>
        </message>
        <message>
            <location filename="../../app/ui/linking/qr_page.py" />
            <source>Try again</source>
            <translation>Coba lagi</translation>
        </message>
        <message>
            <location filename="../../app/ui/linking/qr_page.py" />
            <source>Link with phone number instead</source>
            <translation>Tautkan dengan nomor telepon saja</translation>
        </message>
        <message>
            <location filename="../../app/ui/linking/qr_page.py" />
            <source>New code coming…</source>
            <translation>Kode baru segera muncul…</translation>
        </message>
        <message>
            <location filename="../../app/ui/linking/qr_page.py" />
            <source>New code in %1 s</source>
            <translation>Kode baru dalam %1 dtk</translation>
        </message>
        <message>
            <location filename="../../app/ui/linking/qr_page.py" />
            <source>code %1 of %2</source>
            <translation>kode ke-%1 dari %2</translation>
        </message>
        <message>
            <location filename="../../app/ui/linking/qr_page.py" />
            <source>Try again for a new code.</source>
            <translation>Coba lagi untuk mendapat kode baru.</translation>
        </message>
        <message>
            <location filename="../../app/ui/main_window/accounts_model.py" />
            <source>Name</source>
            <translation>Nama</translation>
        </message>
        <message>
            <location filename="../../app/ui/main_window/accounts_model.py" />
            <source>Unread</source>
            <translation>Belum dibaca</translation>
        </message>
        <message>
            <location filename="../../app/ui/main_window/accounts_model.py" />
            <location filename="../../app/ui/main_window/details_pane.py" />
            <source>Status</source>
            <translation>Status</translation>
        </message>
        <message>
            <location filename="../../app/ui/main_window/accounts_model.py" />
            <source>Since</source>
            <translation>Sejak</translation>
        </message>
        <message>
            <location filename="../../app/ui/main_window/accounts_model.py" />
            <source>Last activity</source>
            <translation>Aktivitas terakhir</translation>
        </message>
        <message>
            <location filename="../../app/ui/main_window/accounts_model.py" />
            <source>Last message in</source>
            <translation>Pesan masuk</translation>
        </message>
        <message>
            <location filename="../../app/ui/main_window/accounts_model.py" />
            <source>Last message out</source>
            <translation>Pesan keluar</translation>
        </message>
        <message>
            <location filename="../../app/ui/main_window/accounts_model.py" />
            <source>Uptime (24 h)</source>
            <translation>Aktif (24 jam)</translation>
        </message>
        <message>
            <location filename="../../app/ui/main_window/accounts_model.py" />
            <source>waiting to be sent</source>
            <translation>menunggu dikirim</translation>
        </message>
        <message>
            <location filename="../../app/ui/main_window/accounts_model.py" />
            <source>sent</source>
            <translation>terkirim</translation>
        </message>
        <message>
            <location filename="../../app/ui/main_window/accounts_model.py" />
            <source>delivered</source>
            <translation>sampai</translation>
        </message>
        <message>
            <location filename="../../app/ui/main_window/accounts_model.py" />
            <source>read</source>
            <translation>dibaca</translation>
        </message>
        <message>
            <location filename="../../app/ui/main_window/accounts_model.py" />
            <source>not sent</source>
            <translation>tidak terkirim</translation>
        </message>
        <message>
            <location filename="../../app/ui/main_window/accounts_model.py" />
            <source>Messages from customers nobody read yet, in Jaga or on the phone</source>
            <translation>Pesan pelanggan yang belum dibaca, di Jaga maupun di HP</translation>
        </message>
        <message>
            <location filename="../../app/ui/main_window/accounts_model.py" />
            <source>When the number got its current status</source>
            <translation>Sejak kapan nomor ini berstatus seperti sekarang</translation>
        </message>
        <message>
            <location filename="../../app/ui/main_window/accounts_model.py" />
            <source>When WhatsApp last sent anything for this number</source>
            <translation>Kapan terakhir WhatsApp mengirim sesuatu untuk nomor ini</translation>
        </message>
        <message>
            <location filename="../../app/ui/main_window/accounts_model.py" />
            <source>When the last message to this number arrived</source>
            <translation>Kapan pesan terakhir untuk nomor ini masuk</translation>
        </message>
        <message>
            <location filename="../../app/ui/main_window/accounts_model.py" />
            <source>When this number last sent a message, and how it went</source>
            <translation>Kapan nomor ini terakhir mengirim pesan, dan bagaimana hasilnya</translation>
        </message>
        <message>
            <location filename="../../app/ui/main_window/accounts_model.py" />
            <source>Share of the last 24 hours this number was connected</source>
            <translation>Berapa persen waktu nomor ini terhubung dalam 24 jam terakhir</translation>
        </message>
        <message>
            <location filename="../../app/ui/main_window/accounts_model.py" />
            <source>not linked yet</source>
            <translation>belum ditautkan</translation>
        </message>
        <message>
            <location filename="../../app/ui/main_window/demo_controls.py" />
            <source>Demo</source>
            <translation>Demo</translation>
        </message>
        <message>
            <location filename="../../app/ui/main_window/demo_controls.py" />
            <source>&amp;Demo</source>
            <translation>&amp;Demo</translation>
        </message>
        <message>
            <location filename="../../app/ui/main_window/demo_controls.py" />
            <source>The connection drops</source>
            <translation>Koneksi terputus</translation>
        </message>
        <message>
            <location filename="../../app/ui/main_window/demo_controls.py" />
            <source>The phone logs this computer out</source>
            <translation>Ponsel mengeluarkan komputer ini</translation>
        </message>
        <message>
            <location filename="../../app/ui/main_window/demo_controls.py" />
            <source>WhatsApp is opened on another computer</source>
            <translation>WhatsApp dibuka di komputer lain</translation>
        </message>
        <message>
            <location filename="../../app/ui/main_window/demo_controls.py" />
            <source>The connection goes silent</source>
            <translation>Koneksi menjadi senyap</translation>
        </message>
        <message>
            <location filename="../../app/ui/main_window/demo_controls.py" />
            <source>The link files get damaged</source>
            <translation>Berkas tautan rusak</translation>
        </message>
        <message>
            <location filename="../../app/ui/main_window/demo_controls.py" />
            <source>A customer writes…</source>
            <translation>Pelanggan menulis…</translation>
        </message>
        <message>
            <location filename="../../app/ui/main_window/demo_controls.py" />
            <source>A receipt arrives for the last message sent</source>
            <translation>Tanda terima datang untuk pesan terakhir yang dikirim</translation>
        </message>
        <message>
            <location filename="../../app/ui/main_window/demo_controls.py" />
            <source>A customer sends a photo</source>
            <translation>Pelanggan mengirim foto</translation>
        </message>
        <message>
            <location filename="../../app/ui/main_window/demo_controls.py" />
            <source>A customer sends a document</source>
            <translation>Pelanggan mengirim dokumen</translation>
        </message>
        <message>
            <location filename="../../app/ui/main_window/demo_controls.py" />
            <source>WhatsApp refuses the next send</source>
            <translation>WhatsApp menolak kiriman berikutnya</translation>
        </message>
        <message>
            <location filename="../../app/ui/main_window/demo_controls.py" />
            <source>The internet goes away</source>
            <translation>Internet terputus</translation>
        </message>
        <message>
            <location filename="../../app/ui/main_window/demo_controls.py" />
            <source>The internet comes back</source>
            <translation>Internet tersambung lagi</translation>
        </message>
        <message>
            <location filename="../../app/ui/main_window/demo_controls.py" />
            <source>No message sent from this number is waiting for a receipt.</source>
            <translation>Tidak ada pesan dari nomor ini yang menunggu tanda terima.</translation>
        </message>
        <message>
            <location filename="../../app/ui/main_window/demo_controls.py" />
            <source>A customer sent a photo (demo).</source>
            <translation>Pelanggan mengirim foto (demo).</translation>
        </message>
        <message>
            <location filename="../../app/ui/main_window/demo_controls.py" />
            <source>A customer sent a document (demo).</source>
            <translation>Pelanggan mengirim dokumen (demo).</translation>
        </message>
        <message>
            <location filename="../../app/ui/main_window/demo_controls.py" />
            <source>WhatsApp will refuse the next message “%1” sends.</source>
            <translation>WhatsApp akan menolak pesan berikutnya yang dikirim “%1”.</translation>
        </message>
        <message>
            <location filename="../../app/ui/main_window/details_pane.py" />
            <source>Status history</source>
            <translation>Riwayat status</translation>
        </message>
        <message>
            <location filename="../../app/ui/main_window/details_pane.py" />
            <source>Recent events</source>
            <translation>Kejadian terbaru</translation>
        </message>
        <message>
            <location filename="../../app/ui/main_window/details_pane.py" />
            <source>When</source>
            <translation>Waktu</translation>
        </message>
        <message>
            <location filename="../../app/ui/main_window/details_pane.py" />
            <source>Why</source>
            <translation>Penyebab</translation>
        </message>
        <message>
            <location filename="../../app/ui/main_window/details_pane.py" />
            <source>What</source>
            <translation>Kejadian</translation>
        </message>
        <message>
            <location filename="../../app/ui/main_window/details_pane.py" />
            <source>Details</source>
            <translation>Keterangan</translation>
        </message>
        <message>
            <location filename="../../app/ui/main_window/details_pane.py" />
            <source>&amp;Link again</source>
            <translation>&amp;Tautkan lagi</translation>
        </message>
        <message>
            <location filename="../../app/ui/main_window/details_pane.py" />
            <source>Link this number to the phone again: a new QR code</source>
            <translation>Tautkan nomor ini ke HP lagi: kode QR baru</translation>
        </message>
        <message>
            <location filename="../../app/ui/main_window/details_pane.py" />
            <source>&amp;Reconnect</source>
            <translation>&amp;Sambungkan ulang</translation>
        </message>
        <message>
            <location filename="../../app/ui/main_window/details_pane.py" />
            <source>Start again; shows a QR code if WhatsApp asks for one</source>
            <translation>Mulai lagi; kode QR muncul kalau WhatsApp memintanya</translation>
        </message>
        <message>
            <location filename="../../app/ui/main_window/details_pane.py" />
            <source>Log &amp;out</source>
            <translation>&amp;Keluarkan</translation>
        </message>
        <message>
            <location filename="../../app/ui/main_window/details_pane.py" />
            <source>Unlink this computer from the phone</source>
            <translation>Lepas tautan komputer ini dari HP</translation>
        </message>
        <message>
            <location filename="../../app/ui/main_window/details_pane.py" />
            <source>Re&amp;move</source>
            <translation>&amp;Hapus</translation>
        </message>
        <message>
            <location filename="../../app/ui/main_window/details_pane.py" />
            <source>Remove this number from Jaga</source>
            <translation>Hapus nomor ini dari Jaga</translation>
        </message>
        <message>
            <location filename="../../app/ui/main_window/details_pane.py" />
            <source>&amp;Chats…</source>
            <translation>&amp;Chat…</translation>
        </message>
        <message>
            <location filename="../../app/ui/main_window/details_pane.py" />
            <source>Read and send this number's messages</source>
            <translation>Baca dan kirim pesan nomor ini</translation>
        </message>
        <message>
            <location filename="../../app/ui/main_window/details_pane.py" />
            <source>Select a number to see its details</source>
            <translation>Pilih nomor untuk melihat rinciannya</translation>
        </message>
        <message>
            <location filename="../../app/ui/main_window/details_pane.py" />
            <source>&amp;Stop</source>
            <translation>&amp;Hentikan</translation>
        </message>
        <message>
            <location filename="../../app/ui/main_window/details_pane.py" />
            <source>S&amp;tart</source>
            <translation>&amp;Jalankan</translation>
        </message>
        <message>
            <location filename="../../app/ui/main_window/details_pane.py" />
            <source>Stop watching this number (it stays linked)</source>
            <translation>Berhenti menjaga nomor ini (tetap tertaut)</translation>
        </message>
        <message>
            <location filename="../../app/ui/main_window/details_pane.py" />
            <source>Connect this number again</source>
            <translation>Sambungkan nomor ini lagi</translation>
        </message>
        <message>
            <location filename="../../app/ui/main_window/inbox_hooks.py" />
            <source>&amp;Inbox</source>
            <translation>Kotak &amp;masuk</translation>
        </message>
        <message>
            <location filename="../../app/ui/main_window/inbox_hooks.py" />
            <source>Every number's chats in one list (Ctrl+I)</source>
            <translation>Chat semua nomor dalam satu daftar (Ctrl+I)</translation>
        </message>
        <message numerus="yes">
            <location filename="../../app/ui/main_window/inbox_hooks.py" />
            <source>Inbox, %n unread</source>
            <translation>
                <numerusform>Kotak masuk, %n belum dibaca</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../../app/ui/main_window/inbox_hooks.py" />
            <source>Inbox — %n unread</source>
            <translation>
                <numerusform>Kotak masuk — %n belum dibaca</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../app/ui/main_window/inbox_hooks.py" />
            <source>Inbox — nothing unread</source>
            <translation>Kotak masuk — semua sudah dibaca</translation>
        </message>
        <message>
            <location filename="../../app/ui/main_window/inbox_hooks.py" />
            <source>Open the inbox</source>
            <translation>Buka kotak masuk</translation>
        </message>
        <message numerus="yes">
            <location filename="../../app/ui/main_window/inbox_hooks.py" />
            <source>%1 — %n unread</source>
            <translation>
                <numerusform>%1 — %n belum dibaca</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../app/ui/main_window/live_updates.py" />
            <source>trying again in %1</source>
            <translation>dicoba lagi dalam %1</translation>
        </message>
        <message>
            <location filename="../../app/ui/main_window/live_updates.py" />
            <source>Bridge status: %1</source>
            <translation>Status penghubung: %1</translation>
        </message>
        <message>
            <location filename="../../app/ui/main_window/live_updates.py" />
            <source>Jaga waited %1 s for its database (another program was using it); the bridge kept running.</source>
            <translation>Jaga menunggu databasenya %1 detik (sedang dipakai program lain); penghubung tetap berjalan.</translation>
        </message>
        <message>
            <location filename="../../app/ui/main_window/live_updates.py" />
            <source>Jaga itself was paused for %1 s; the bridge kept running.</source>
            <translation>Jaga sendiri terhenti %1 detik; penghubung tetap berjalan.</translation>
        </message>
        <message>
            <location filename="../../app/ui/main_window/live_updates.py" />
            <source>Restoring %1 of %2</source>
            <translation>Memulihkan %1 dari %2</translation>
        </message>
        <message>
            <location filename="../../app/ui/main_window/owner_actions.py" />
            <location filename="../../app/ui/main_window/window.py" />
            <source>Add number</source>
            <translation>Tambah nomor</translation>
        </message>
        <message>
            <location filename="../../app/ui/main_window/owner_actions.py" />
            <source>A name for this number (for example “Shop front”):</source>
            <translation>Nama untuk nomor ini (misalnya “Toko depan”):</translation>
        </message>
        <message>
            <location filename="../../app/ui/main_window/owner_actions.py" />
            <source>Add and show QR code</source>
            <translation>Tambah dan tampilkan kode QR</translation>
        </message>
        <message>
            <location filename="../../app/ui/main_window/owner_actions.py" />
            <location filename="../../app/ui/main_window/window.py" />
            <source>Log out</source>
            <translation>Keluarkan</translation>
        </message>
        <message>
            <location filename="../../app/ui/main_window/owner_actions.py" />
            <source>Log out “%1”?</source>
            <translation>Keluarkan “%1”?</translation>
        </message>
        <message>
            <location filename="../../app/ui/main_window/owner_actions.py" />
            <source>This computer is unlinked from the phone. To use this number in Jaga again you scan a new QR code.</source>
            <translation>Tautan komputer ini akan dilepas dari HP. Untuk memakai nomor ini lagi di Jaga, Anda perlu memindai kode QR baru.</translation>
        </message>
        <message>
            <location filename="../../app/ui/main_window/owner_actions.py" />
            <source>Remove number</source>
            <translation>Hapus nomor</translation>
        </message>
        <message>
            <location filename="../../app/ui/main_window/owner_actions.py" />
            <source>Remove “%1” from Jaga?</source>
            <translation>Hapus “%1” dari Jaga?</translation>
        </message>
        <message>
            <location filename="../../app/ui/main_window/owner_actions.py" />
            <source>First keep a copy of its messages and history in the backups folder</source>
            <translation>Simpan dulu salinan pesan dan riwayatnya di folder backups</translation>
        </message>
        <message>
            <location filename="../../app/ui/main_window/owner_actions.py" />
            <source>Log out and remove</source>
            <translation>Keluarkan lalu hapus</translation>
        </message>
        <message>
            <location filename="../../app/ui/main_window/owner_actions.py" />
            <source>Jaga needs your attention</source>
            <translation>Jaga butuh perhatian Anda</translation>
        </message>
        <message>
            <location filename="../../app/ui/main_window/owner_actions.py" />
            <source>Something went wrong</source>
            <translation>Ada yang tidak beres</translation>
        </message>
        <message>
            <location filename="../../app/ui/main_window/presence.py" />
            <source>Jaga keeps watching from the tray</source>
            <translation>Jaga tetap berjaga dari baki sistem</translation>
        </message>
        <message>
            <location filename="../../app/ui/main_window/presence.py" />
            <source>Your numbers stay connected and Jaga tells you when one drops. To stop Jaga, choose Quit Jaga in the tray menu.</source>
            <translation>Nomor Anda tetap tersambung dan Jaga memberi tahu saat ada yang terputus. Untuk menghentikan Jaga, pilih Keluar dari Jaga di menu baki.</translation>
        </message>
        <message>
            <location filename="../../app/ui/main_window/presence.py" />
            <source>Jaga keeps watching</source>
            <translation>Jaga tetap berjaga</translation>
        </message>
        <message>
            <location filename="../../app/ui/main_window/presence.py" />
            <source>Jaga keeps watching from the taskbar</source>
            <translation>Jaga tetap berjaga dari taskbar</translation>
        </message>
        <message>
            <location filename="../../app/ui/main_window/presence.py" />
            <source>This desktop has no tray, so closing the window puts Jaga on the taskbar. Your numbers stay connected and Jaga tells you when one drops. To stop Jaga, choose Jaga → Quit Jaga.</source>
            <translation>Desktop ini tidak punya baki sistem, jadi saat jendela ditutup Jaga pindah ke taskbar. Nomor Anda tetap tersambung dan Jaga memberi tahu saat ada yang terputus. Untuk menghentikan Jaga, pilih Jaga → Keluar dari Jaga.</translation>
        </message>
        <message>
            <location filename="../../app/ui/main_window/recovery_banner.py" />
            <source>The bridge's database was damaged</source>
            <translation>Database penghubung rusak</translation>
        </message>
        <message>
            <location filename="../../app/ui/main_window/recovery_banner.py" />
            <source>It was set aside, untouched, in %1, and the bridge started again with what could be read.</source>
            <translation>Database itu disisihkan, tanpa diubah, di %1, dan penghubung berjalan lagi dengan apa yang masih bisa dibaca.</translation>
        </message>
        <message numerus="yes">
            <location filename="../../app/ui/main_window/recovery_banner.py" />
            <source>%n linked numbers were kept.</source>
            <translation>
                <numerusform>%n nomor tertaut tetap disimpan.</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../app/ui/main_window/recovery_banner.py" />
            <source>Numbers whose link was lost say so in their status: link them again.</source>
            <translation>Nomor yang tautannya hilang menyebutkannya di statusnya: tautkan lagi.</translation>
        </message>
        <message numerus="yes">
            <location filename="../../app/ui/main_window/removal_text.py" />
            <source>its %n messages (in and out)</source>
            <translation>
                <numerusform>%n pesannya (masuk dan keluar)</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../../app/ui/main_window/removal_text.py" />
            <source>its status history (%n changes)</source>
            <translation>
                <numerusform>riwayat statusnya (%n perubahan)</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../../app/ui/main_window/removal_text.py" />
            <source>%n messages still waiting to be sent, which will never be sent</source>
            <translation>
                <numerusform>%n pesan yang masih menunggu dikirim, dan tidak akan pernah terkirim</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../app/ui/main_window/removal_text.py" />
            <source>Jaga stops watching this number and deletes from this computer: %1.</source>
            <translation>Jaga berhenti memantau nomor ini dan menghapus dari komputer ini: %1.</translation>
        </message>
        <message>
            <location filename="../../app/ui/main_window/removal_text.py" />
            <source>Kept: the link on the phone (it stays under Linked devices until you log it out) and Jaga's event log. Log out first to unlink the phone as well.</source>
            <translation>Yang tetap ada: tautan di HP (tetap ada di Perangkat tertaut sampai Anda mengeluarkannya) dan log peristiwa Jaga. Keluar dulu agar tautan di HP juga dilepas.</translation>
        </message>
        <message>
            <location filename="../../app/ui/main_window/secrets_banner.py" />
            <source>No keyring on this computer</source>
            <translation>Komputer ini tidak punya keyring</translation>
        </message>
        <message>
            <location filename="../../app/ui/main_window/secrets_banner.py" />
            <source>Jaga keeps its passwords (the bridge's and the shop API key) in a file only you can read: %1. They stay the same after a restart, and move into a keyring once this computer has one.</source>
            <translation>Jaga menyimpan kata sandinya (milik penghubung dan kunci API toko) di berkas yang hanya bisa dibaca oleh Anda: %1. Kata sandi tetap sama setelah Jaga dibuka ulang, dan dipindah ke keyring begitu komputer ini punya keyring.</translation>
        </message>
        <message>
            <location filename="../../app/ui/main_window/secrets_banner.py" />
            <source>Jaga could not save its passwords, not even in its data folder: the bridge password and the shop API key change at every start.</source>
            <translation>Jaga tidak bisa menyimpan kata sandinya, bahkan di folder datanya: kata sandi penghubung dan kunci API toko berganti setiap kali Jaga dibuka.</translation>
        </message>
        <message>
            <location filename="../../app/ui/main_window/window.py" />
            <source>Jaga — WhatsApp numbers</source>
            <translation>Jaga — Nomor WhatsApp</translation>
        </message>
        <message>
            <location filename="../../app/ui/main_window/window.py" />
            <source> (demo)</source>
            <translation> (demo)</translation>
        </message>
        <message>
            <location filename="../../app/ui/main_window/window.py" />
            <source>WhatsApp numbers</source>
            <translation>Nomor WhatsApp</translation>
        </message>
        <message>
            <location filename="../../app/ui/main_window/window.py" />
            <source>&amp;Add number</source>
            <translation>&amp;Tambah nomor</translation>
        </message>
        <message>
            <location filename="../../app/ui/main_window/window.py" />
            <source>Add a WhatsApp number</source>
            <translation>Tambah nomor WhatsApp</translation>
        </message>
        <message>
            <location filename="../../app/ui/main_window/window.py" />
            <source>&amp;Bridge…</source>
            <translation>&amp;Penghubung…</translation>
        </message>
        <message>
            <location filename="../../app/ui/main_window/window.py" />
            <source>Open the bridge panel</source>
            <translation>Buka panel penghubung</translation>
        </message>
        <message>
            <location filename="../../app/ui/main_window/window.py" />
            <source>S&amp;ettings…</source>
            <translation>Pen&amp;gaturan…</translation>
        </message>
        <message>
            <location filename="../../app/ui/main_window/window.py" />
            <source>Shop &amp;API…</source>
            <translation>&amp;API toko…</translation>
        </message>
        <message>
            <location filename="../../app/ui/main_window/window.py" />
            <source>Add your WhatsApp number</source>
            <translation>Tambahkan nomor WhatsApp Anda</translation>
        </message>
        <message>
            <location filename="../../app/ui/main_window/window.py" />
            <source>Jaga keeps your shop's WhatsApp numbers connected and tells you the moment one drops.</source>
            <translation>Jaga menjaga nomor WhatsApp toko Anda tetap terhubung dan langsung memberi tahu kalau ada yang terputus.</translation>
        </message>
        <message>
            <location filename="../../app/ui/main_window/window.py" />
            <source>&lt;ol&gt;&lt;li&gt;Click &lt;b&gt;Add your first number&lt;/b&gt; and give it a name.&lt;/li&gt;&lt;li&gt;On the phone: &lt;b&gt;WhatsApp&lt;/b&gt; → &lt;b&gt;Linked devices&lt;/b&gt; → &lt;b&gt;Link a device&lt;/b&gt;.&lt;/li&gt;&lt;li&gt;Scan the code Jaga shows. Done — Jaga keeps it connected.&lt;/li&gt;&lt;/ol&gt;</source>
            <translation>&lt;ol&gt;&lt;li&gt;Klik &lt;b&gt;Tambah nomor pertama&lt;/b&gt; dan beri nama.&lt;/li&gt;&lt;li&gt;Di HP: &lt;b&gt;WhatsApp&lt;/b&gt; → &lt;b&gt;Perangkat tertaut&lt;/b&gt; → &lt;b&gt;Tautkan perangkat&lt;/b&gt;.&lt;/li&gt;&lt;li&gt;Pindai kode yang muncul di Jaga. Selesai — Jaga menjaganya tetap terhubung.&lt;/li&gt;&lt;/ol&gt;</translation>
        </message>
        <message>
            <location filename="../../app/ui/main_window/window.py" />
            <source>Add your first number</source>
            <translation>Tambah nomor pertama</translation>
        </message>
        <message>
            <location filename="../../app/ui/main_window/window.py" />
            <source>Add your first WhatsApp number</source>
            <translation>Tambah nomor WhatsApp pertama</translation>
        </message>
        <message>
            <location filename="../../app/ui/main_window/window.py" />
            <location filename="../../app/ui/tray/tray_icon.py" />
            <source>Reconnect</source>
            <translation>Sambungkan ulang</translation>
        </message>
        <message>
            <location filename="../../app/ui/main_window/window.py" />
            <location filename="../../app/ui/shared/notices.py" />
            <location filename="../../app/ui/tray/tray_icon.py" />
            <source>Link again</source>
            <translation>Tautkan lagi</translation>
        </message>
        <message>
            <location filename="../../app/ui/main_window/window.py" />
            <source>Chats</source>
            <translation>Chat</translation>
        </message>
        <message>
            <location filename="../../app/ui/main_window/window.py" />
            <source>Bridge…</source>
            <translation>Penghubung…</translation>
        </message>
        <message>
            <location filename="../../app/ui/main_window/window.py" />
            <source>Settings…</source>
            <translation>Pengaturan…</translation>
        </message>
        <message>
            <location filename="../../app/ui/main_window/window.py" />
            <source>Shop API…</source>
            <translation>API toko…</translation>
        </message>
        <message>
            <location filename="../../app/ui/main_window/window.py" />
            <location filename="../../app/ui/tray/tray_icon.py" />
            <source>Quit Jaga</source>
            <translation>Keluar dari Jaga</translation>
        </message>
        <message>
            <location filename="../../app/ui/main_window/window.py" />
            <source>&amp;Jaga</source>
            <translation>&amp;Jaga</translation>
        </message>
        <message>
            <location filename="../../app/ui/settings/dialog.py" />
            <source>Settings</source>
            <translation>Pengaturan</translation>
        </message>
        <message>
            <location filename="../../app/ui/settings/dialog.py" />
            <source>Window and start-up</source>
            <translation>Jendela dan saat mulai</translation>
        </message>
        <message>
            <location filename="../../app/ui/settings/dialog.py" />
            <source>Closing the window keeps Jaga watching in the tray</source>
            <translation>Saat jendela ditutup, Jaga tetap berjaga di baki sistem</translation>
        </message>
        <message>
            <location filename="../../app/ui/settings/dialog.py" />
            <source>This desktop has no tray: closing the window puts Jaga on the taskbar, where it keeps watching. Quit Jaga (in the Jaga menu) stops it.</source>
            <translation>Desktop ini tidak punya baki sistem: saat jendela ditutup, Jaga pindah ke taskbar dan tetap berjaga. Keluar dari Jaga (di menu Jaga) menghentikannya.</translation>
        </message>
        <message>
            <location filename="../../app/ui/settings/dialog.py" />
            <source>Start minimized</source>
            <translation>Mulai dalam keadaan diperkecil</translation>
        </message>
        <message>
            <location filename="../../app/ui/settings/dialog.py" />
            <source>&amp;Language:</source>
            <translation>&amp;Bahasa:</translation>
        </message>
        <message>
            <location filename="../../app/ui/settings/dialog.py" />
            <source>Same as the computer</source>
            <translation>Sama dengan komputer</translation>
        </message>
        <message>
            <location filename="../../app/ui/settings/dialog.py" />
            <source>&amp;Numbers without a country code are in:</source>
            <translation>&amp;Nomor tanpa kode negara berasal dari:</translation>
        </message>
        <message>
            <location filename="../../app/ui/settings/dialog.py" />
            <source>Largest photo or file:</source>
            <translation>Foto atau berkas terbesar:</translation>
        </message>
        <message>
            <location filename="../../app/ui/settings/dialog.py" />
            <source>All files together (received and sent), at most:</source>
            <translation>Semua berkas (diterima dan dikirim), paling banyak:</translation>
        </message>
        <message>
            <location filename="../../app/ui/settings/dialog.py" />
            <source>When Jaga's files take this much, new photos and files that customers send are not downloaded: open them on the phone.</source>
            <translation>Bila berkas Jaga sudah sebesar ini, foto dan berkas baru dari pelanggan tidak diunduh: bukalah di ponsel.</translation>
        </message>
        <message>
            <location filename="../../app/ui/settings/dialog.py" />
            <source>&amp;Data folder:</source>
            <translation>Folder &amp;data:</translation>
        </message>
        <message>
            <location filename="../../app/ui/settings/dialog.py" />
            <source>Change…</source>
            <translation>Ganti…</translation>
        </message>
        <message>
            <location filename="../../app/ui/settings/dialog.py" />
            <source>Default</source>
            <translation>Bawaan</translation>
        </message>
        <message>
            <location filename="../../app/ui/settings/dialog.py" />
            <source>Jaga is using %1 now. A new data folder is used from the next start.</source>
            <translation>Saat ini Jaga memakai %1. Folder data baru dipakai mulai Jaga dibuka berikutnya.</translation>
        </message>
        <message>
            <location filename="../../app/ui/settings/dialog.py" />
            <source>Choose the data folder</source>
            <translation>Pilih folder data</translation>
        </message>
        <message>
            <location filename="../../app/ui/settings/dialog.py" />
            <source>(default)</source>
            <translation>(bawaan)</translation>
        </message>
        <message>
            <location filename="../../app/ui/settings/login_start.py" />
            <source>data folder %1</source>
            <translation>folder data %1</translation>
        </message>
        <message>
            <location filename="../../app/ui/settings/login_start.py" />
            <source>the default data folder</source>
            <translation>folder data bawaan</translation>
        </message>
        <message>
            <location filename="../../app/ui/settings/login_start.py" />
            <source>settings %1</source>
            <translation>pengaturan %1</translation>
        </message>
        <message>
            <location filename="../../app/ui/settings/login_start.py" />
            <source>demo</source>
            <translation>demo</translation>
        </message>
        <message>
            <location filename="../../app/ui/settings/login_start.py" />
            <source>Start Jaga when I log in to this computer</source>
            <translation>Jalankan Jaga saat saya masuk ke komputer ini</translation>
        </message>
        <message>
            <location filename="../../app/ui/settings/login_start.py" />
            <source>Now another Jaga starts when you log in (%1).</source>
            <translation>Saat ini Jaga yang lain yang berjalan saat Anda masuk (%1).</translation>
        </message>
        <message>
            <location filename="../../app/ui/settings/login_start.py" />
            <source>Start at login</source>
            <translation>Jalankan saat masuk</translation>
        </message>
        <message>
            <location filename="../../app/ui/settings/login_start.py" />
            <source>Another Jaga starts when you log in. Start this one instead?</source>
            <translation>Jaga yang lain berjalan saat Anda masuk. Jalankan Jaga yang ini saja?</translation>
        </message>
        <message>
            <location filename="../../app/ui/settings/login_start.py" />
            <source>The other one uses %1. Only one Jaga starts at login.</source>
            <translation>Jaga yang lain itu memakai %1. Hanya satu Jaga yang berjalan saat masuk.</translation>
        </message>
        <message>
            <location filename="../../app/ui/settings/login_start.py" />
            <source>Start this one instead</source>
            <translation>Jalankan yang ini saja</translation>
        </message>
        <message>
            <location filename="../../app/ui/settings/login_start.py" />
            <source>Keep the other</source>
            <translation>Biarkan yang lain</translation>
        </message>
        <message>
            <location filename="../../app/ui/settings/pacing_box.py" />
            <source>WhatsApp restricts numbers that send many messages quickly, or write to many people who never wrote to them. Jaga sends each number's messages one by one, a few seconds apart, like a person typing.</source>
            <translation>WhatsApp membatasi nomor yang mengirim banyak pesan dengan cepat, atau menulis ke banyak orang yang belum pernah menulis kepadanya. Jaga mengirim pesan setiap nomor satu per satu, berjarak beberapa detik, seperti orang mengetik.</translation>
        </message>
        <message>
            <location filename="../../app/ui/settings/pacing_box.py" />
            <source>&amp;Wait between messages:</source>
            <translation>&amp;Jeda antar pesan:</translation>
        </message>
        <message>
            <location filename="../../app/ui/settings/pacing_box.py" />
            <source>&amp;Plus a random wait of up to:</source>
            <translation>&amp;Ditambah jeda acak hingga:</translation>
        </message>
        <message>
            <location filename="../../app/ui/settings/pacing_box.py" />
            <source>&amp;New contacts per day:</source>
            <translation>&amp;Kontak baru per hari:</translation>
        </message>
        <message>
            <location filename="../../app/ui/settings/pacing_box.py" />
            <source>seconds</source>
            <translation>detik</translation>
        </message>
        <message>
            <location filename="../../app/ui/settings/pacing_box.py" />
            <source>Messages to people this number never talked to stop at this many a day; the rest wait until midnight and go then. 0: no limit. Your customers' replies are never limited.</source>
            <translation>Pesan ke orang yang belum pernah berbicara dengan nomor ini berhenti pada jumlah ini per hari; sisanya menunggu sampai tengah malam lalu dikirim. 0: tanpa batas. Balasan ke pelanggan Anda tidak pernah dibatasi.</translation>
        </message>
        <message>
            <location filename="../../app/ui/shared/ban_text.py" />
            <source>messages went to too many people who do not have this number in their contacts</source>
            <translation>pesan terkirim ke terlalu banyak orang yang tidak menyimpan nomor ini di kontak mereka</translation>
        </message>
        <message>
            <location filename="../../app/ui/shared/ban_text.py" />
            <source>too many people blocked this number</source>
            <translation>terlalu banyak orang memblokir nomor ini</translation>
        </message>
        <message>
            <location filename="../../app/ui/shared/ban_text.py" />
            <source>too many groups were made with people who do not have this number saved</source>
            <translation>terlalu banyak grup dibuat dengan orang yang tidak menyimpan nomor ini</translation>
        </message>
        <message>
            <location filename="../../app/ui/shared/ban_text.py" />
            <source>the same message went to too many people</source>
            <translation>pesan yang sama terkirim ke terlalu banyak orang</translation>
        </message>
        <message>
            <location filename="../../app/ui/shared/ban_text.py" />
            <source>too many messages went to a broadcast list</source>
            <translation>terlalu banyak pesan terkirim ke daftar siaran</translation>
        </message>
        <message>
            <location filename="../../app/ui/shared/ban_text.py" />
            <source>WhatsApp has banned this number for a while.</source>
            <translation>WhatsApp memblokir nomor ini untuk sementara.</translation>
        </message>
        <message>
            <location filename="../../app/ui/shared/ban_text.py" />
            <source>WhatsApp's reason: %1.</source>
            <translation>Alasan dari WhatsApp: %1.</translation>
        </message>
        <message>
            <location filename="../../app/ui/shared/ban_text.py" />
            <source>The ban ends at %1.</source>
            <translation>Blokir berakhir pada %1.</translation>
        </message>
        <message>
            <location filename="../../app/ui/shared/ban_text.py" />
            <source>Jaga does not reconnect it by itself; start it again once the ban is over.</source>
            <translation>Jaga tidak menyambungkannya lagi sendiri; jalankan lagi setelah blokir berakhir.</translation>
        </message>
        <message>
            <location filename="../../app/ui/shared/error_text.py" />
            <source>Enter the phone number to send to.</source>
            <translation>Masukkan nomor telepon tujuan.</translation>
        </message>
        <message>
            <location filename="../../app/ui/shared/error_text.py" />
            <source>“%1” is not a phone number.</source>
            <translation>“%1” bukan nomor telepon.</translation>
        </message>
        <message>
            <location filename="../../app/ui/shared/error_text.py" />
            <source>“%1” is not a valid phone number.</source>
            <translation>“%1” bukan nomor telepon yang valid.</translation>
        </message>
        <message>
            <location filename="../../app/ui/shared/error_text.py" />
            <source>“%1” could be a number at home or abroad: type it with + first.</source>
            <translation>“%1” bisa nomor dalam negeri atau luar negeri: ketik dengan + di depan.</translation>
        </message>
        <message>
            <location filename="../../app/ui/shared/error_text.py" />
            <source>Choose the events to send from: %1.</source>
            <translation>Pilih peristiwa yang dikirim dari: %1.</translation>
        </message>
        <message>
            <location filename="../../app/ui/shared/error_text.py" />
            <source>Enter the webhook address, such as https://shop.example/hook.</source>
            <translation>Masukkan alamat webhook, misalnya https://shop.example/hook.</translation>
        </message>
        <message>
            <location filename="../../app/ui/shared/error_text.py" />
            <source>A webhook address cannot contain spaces, tabs, line breaks or other invisible characters.</source>
            <translation>Alamat webhook tidak boleh berisi spasi, tab, baris baru, atau karakter tak terlihat lainnya.</translation>
        </message>
        <message>
            <location filename="../../app/ui/shared/error_text.py" />
            <source>A webhook address is at most %1 characters.</source>
            <translation>Alamat webhook paling panjang %1 karakter.</translation>
        </message>
        <message>
            <location filename="../../app/ui/shared/error_text.py" />
            <source>This webhook address cannot be read as a URL.</source>
            <translation>Alamat webhook ini tidak dapat dibaca sebagai URL.</translation>
        </message>
        <message>
            <location filename="../../app/ui/shared/error_text.py" />
            <source>A webhook address must start with http:// or https://.</source>
            <translation>Alamat webhook harus diawali http:// atau https://.</translation>
        </message>
        <message>
            <location filename="../../app/ui/shared/error_text.py" />
            <source>A webhook address must name a host, such as shop.example.</source>
            <translation>Alamat webhook harus menyebut host, misalnya shop.example.</translation>
        </message>
        <message>
            <location filename="../../app/ui/shared/error_text.py" />
            <source>A webhook address's port must be from 1 to 65535.</source>
            <translation>Port alamat webhook harus dari 1 sampai 65535.</translation>
        </message>
        <message>
            <location filename="../../app/ui/shared/error_text.py" />
            <source>Write an IPv6 address in brackets, such as http://[::1]:8080/hook.</source>
            <translation>Tulis alamat IPv6 di dalam kurung siku, misalnya http://[::1]:8080/hook.</translation>
        </message>
        <message>
            <location filename="../../app/ui/shared/error_text.py" />
            <source>The IPv6 address in brackets is not valid.</source>
            <translation>Alamat IPv6 di dalam kurung siku tidak valid.</translation>
        </message>
        <message>
            <location filename="../../app/ui/shared/error_text.py" />
            <source>The message is too long (%1 characters; WhatsApp through Jaga takes %2 at most, fewer with emoji or non-Latin letters). Split it in two.</source>
            <translation>Pesannya terlalu panjang (%1 karakter; WhatsApp lewat Jaga menerima paling banyak %2, lebih sedikit dengan emoji atau huruf non-Latin). Bagi menjadi dua.</translation>
        </message>
        <message>
            <location filename="../../app/ui/shared/error_text.py" />
            <source>The message contains characters that cannot be sent; type it again.</source>
            <translation>Pesannya berisi karakter yang tidak bisa dikirim; ketik ulang.</translation>
        </message>
        <message>
            <location filename="../../app/ui/shared/error_text.py" />
            <source>That number no longer exists.</source>
            <translation>Nomor itu sudah tidak ada.</translation>
        </message>
        <message>
            <location filename="../../app/ui/shared/error_text.py" />
            <source>The disk is full, so Jaga could not save. Free some space; nothing saved before is lost.</source>
            <translation>Disknya penuh, jadi Jaga tidak bisa menyimpan. Kosongkan sedikit ruang; yang sudah tersimpan tidak hilang.</translation>
        </message>
        <message>
            <location filename="../../app/ui/shared/error_text.py" />
            <source>Jaga's database is busy; please try again in a moment.</source>
            <translation>Database Jaga sedang sibuk; coba lagi sebentar lagi.</translation>
        </message>
        <message>
            <location filename="../../app/ui/shared/error_text.py" />
            <source>Jaga cannot write to its database file (it is read-only). Give your user write access to Jaga's data folder, then restart Jaga.</source>
            <translation>Jaga tidak bisa menulis ke file databasenya (hanya-baca). Beri pengguna Anda izin menulis ke folder data Jaga, lalu mulai ulang Jaga.</translation>
        </message>
        <message>
            <location filename="../../app/ui/shared/error_text.py" />
            <source>Jaga could not write to its database. See the log for details.</source>
            <translation>Jaga tidak bisa menulis ke databasenya. Lihat log untuk rinciannya.</translation>
        </message>
        <message>
            <location filename="../../app/ui/shared/error_text.py" />
            <source>A message that arrived could not be saved (it contains characters Jaga cannot store). It was put aside in the event log; the messages after it were saved.</source>
            <translation>Sebuah pesan masuk tidak bisa disimpan (berisi karakter yang tidak bisa disimpan Jaga). Pesan itu disisihkan di log kejadian; pesan-pesan sesudahnya tersimpan.</translation>
        </message>
        <message>
            <location filename="../../app/ui/shared/error_text.py" />
            <source>Jaga could not save incoming messages: %1</source>
            <translation>Jaga tidak bisa menyimpan pesan masuk: %1</translation>
        </message>
        <message>
            <location filename="../../app/ui/shared/error_text.py" />
            <source>“%1” is not linked to a phone yet.</source>
            <translation>“%1” belum ditautkan ke HP.</translation>
        </message>
        <message>
            <location filename="../../app/ui/shared/error_text.py" />
            <source>Give the number a name, for example “Shop front”.</source>
            <translation>Beri nama untuk nomor ini, misalnya “Toko depan”.</translation>
        </message>
        <message>
            <location filename="../../app/ui/shared/error_text.py" />
            <source>A name cannot contain line breaks, tabs or control characters.</source>
            <translation>Nama tidak boleh berisi baris baru, tab, atau karakter kontrol.</translation>
        </message>
        <message>
            <location filename="../../app/ui/shared/error_text.py" />
            <source>That name is too long (100 characters at most).</source>
            <translation>Nama itu terlalu panjang (paling banyak 100 karakter).</translation>
        </message>
        <message>
            <location filename="../../app/ui/shared/error_text.py" />
            <source>WhatsApp refused this message: the number may not start new chats right now (error %1). Jaga does not send it again by itself.</source>
            <translation>WhatsApp menolak pesan ini: nomor ini sedang tidak boleh memulai chat baru (galat %1). Jaga tidak mengirimnya ulang sendiri.</translation>
        </message>
        <message>
            <location filename="../../app/ui/shared/error_text.py" />
            <source>WhatsApp refused this message: sending to new contacts is locked for a while (error %1). Jaga does not send it again by itself.</source>
            <translation>WhatsApp menolak pesan ini: pengiriman ke kontak baru dikunci untuk sementara (galat %1). Jaga tidak mengirimnya ulang sendiri.</translation>
        </message>
        <message>
            <location filename="../../app/ui/shared/error_text.py" />
            <source>WhatsApp rejected this message (error %1). Jaga does not send it again by itself.</source>
            <translation>WhatsApp menolak pesan ini (galat %1). Jaga tidak mengirimnya ulang sendiri.</translation>
        </message>
        <message>
            <location filename="../../app/ui/shared/error_text.py" />
            <location filename="../../app/ui/shared/formatting.py" />
            <source>No internet connection — Jaga reconnects by itself when it is back</source>
            <translation>Tidak ada koneksi internet — Jaga menyambung lagi sendiri begitu internet kembali</translation>
        </message>
        <message>
            <location filename="../../app/ui/shared/error_text.py" />
            <source>The number %1 is not on WhatsApp; the message was not sent.</source>
            <translation>Nomor %1 tidak memakai WhatsApp; pesan tidak dikirim.</translation>
        </message>
        <message>
            <location filename="../../app/ui/shared/error_text.py" />
            <source>WhatsApp refused to link by code (error %1: %2). Link by scanning the QR code instead.</source>
            <translation>WhatsApp menolak penautan dengan kode (galat %1: %2). Tautkan dengan memindai kode QR saja.</translation>
        </message>
        <message>
            <location filename="../../app/ui/shared/error_text.py" />
            <source>WhatsApp did not answer the request for a pairing code. Try again, or scan the QR code.</source>
            <translation>WhatsApp tidak menjawab permintaan kode penautan. Coba lagi, atau pindai kode QR.</translation>
        </message>
        <message>
            <location filename="../../app/ui/shared/event_text.py" />
            <source>it was killed by a signal</source>
            <translation>dihentikan paksa oleh sinyal</translation>
        </message>
        <message>
            <location filename="../../app/ui/shared/event_text.py" />
            <source>it ended with code %1</source>
            <translation>berhenti dengan kode %1</translation>
        </message>
        <message>
            <location filename="../../app/ui/shared/event_text.py" />
            <source>it did not get ready within %1 s</source>
            <translation>tidak siap dalam %1 dtk</translation>
        </message>
        <message>
            <location filename="../../app/ui/shared/event_text.py" />
            <source>it stopped answering for %1 s</source>
            <translation>tidak menjawab selama %1 dtk</translation>
        </message>
        <message>
            <location filename="../../app/ui/shared/event_text.py" />
            <source>it did not stop within %1 s</source>
            <translation>tidak berhenti dalam %1 dtk</translation>
        </message>
        <message>
            <location filename="../../app/ui/shared/event_text.py" />
            <source>it was stopped</source>
            <translation>dihentikan</translation>
        </message>
        <message>
            <location filename="../../app/ui/shared/event_text.py" />
            <source>you asked for a restart</source>
            <translation>Anda meminta mulai ulang</translation>
        </message>
        <message>
            <location filename="../../app/ui/shared/event_text.py" />
            <source>The bridge refused to start (configuration error).</source>
            <translation>Penghubung menolak berjalan (kesalahan konfigurasi).</translation>
        </message>
        <message>
            <location filename="../../app/ui/shared/event_text.py" />
            <source>Node could not be found.</source>
            <translation>Node tidak ditemukan.</translation>
        </message>
        <message>
            <location filename="../../app/ui/shared/event_text.py" />
            <source>Node could not be started (%1): %2</source>
            <translation>Node tidak bisa dijalankan (%1): %2</translation>
        </message>
        <message>
            <location filename="../../app/ui/shared/event_text.py" />
            <source>The bridge failed %1 times in %2 seconds (last: %3).</source>
            <translation>Penghubung gagal %1 kali dalam %2 detik (terakhir: %3).</translation>
        </message>
        <message>
            <location filename="../../app/ui/shared/event_text.py" />
            <source>killed by %1 (signal %2)</source>
            <translation>dihentikan paksa oleh %1 (sinyal %2)</translation>
        </message>
        <message>
            <location filename="../../app/ui/shared/event_text.py" />
            <source>exited with code %1</source>
            <translation>berhenti dengan kode %1</translation>
        </message>
        <message>
            <location filename="../../app/ui/shared/event_text.py" />
            <source>Jaga asked it to stop</source>
            <translation>Jaga memintanya berhenti</translation>
        </message>
        <message>
            <location filename="../../app/ui/shared/event_text.py" />
            <source>ended by Jaga: %1</source>
            <translation>dihentikan oleh Jaga: %1</translation>
        </message>
        <message>
            <location filename="../../app/ui/shared/event_text.py" />
            <source>not asked for (a crash)</source>
            <translation>tanpa diminta (mogok)</translation>
        </message>
        <message>
            <location filename="../../app/ui/shared/event_text.py" />
            <source>after the bridge started</source>
            <translation>setelah penghubung berjalan</translation>
        </message>
        <message>
            <location filename="../../app/ui/shared/event_text.py" />
            <source>at the regular check</source>
            <translation>pada pemeriksaan rutin</translation>
        </message>
        <message>
            <location filename="../../app/ui/shared/event_text.py" />
            <source>after missed events</source>
            <translation>setelah ada kejadian yang terlewat</translation>
        </message>
        <message>
            <location filename="../../app/ui/shared/event_text.py" />
            <source>after a status change</source>
            <translation>setelah status berubah</translation>
        </message>
        <message>
            <location filename="../../app/ui/shared/event_text.py" />
            <source>you had stopped it</source>
            <translation>Anda telah menghentikannya</translation>
        </message>
        <message>
            <location filename="../../app/ui/shared/event_text.py" />
            <source>Jaga does not know this number</source>
            <translation>Jaga tidak mengenal nomor ini</translation>
        </message>
        <message numerus="yes">
            <location filename="../../app/ui/shared/event_text.py" />
            <source>%n numbers started</source>
            <translation>
                <numerusform>%n nomor dijalankan</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../app/ui/shared/event_text.py" />
            <source>version %1, process %2</source>
            <translation>versi %1, proses %2</translation>
        </message>
        <message>
            <location filename="../../app/ui/shared/event_text.py" />
            <source>it was: %1</source>
            <translation>sebelumnya: %1</translation>
        </message>
        <message>
            <location filename="../../app/ui/shared/event_text.py" />
            <source>%1 until %2</source>
            <translation>%1 sampai %2</translation>
        </message>
        <message>
            <location filename="../../app/ui/shared/event_text.py" />
            <source>new contacts locked for a while</source>
            <translation>kontak baru dikunci sementara</translation>
        </message>
        <message>
            <location filename="../../app/ui/shared/event_text.py" />
            <source>a cap on new chats</source>
            <translation>batas chat baru</translation>
        </message>
        <message>
            <location filename="../../app/ui/shared/event_text.py" />
            <source>the message is kept in the event log</source>
            <translation>pesannya disimpan di log kejadian</translation>
        </message>
        <message>
            <location filename="../../app/ui/shared/event_text.py" />
            <source>see the bridge panel's log for the details</source>
            <translation>rinciannya ada di log panel penghubung</translation>
        </message>
        <message>
            <location filename="../../app/ui/shared/formatting.py" />
            <source>Stopped</source>
            <translation>Dihentikan</translation>
        </message>
        <message>
            <location filename="../../app/ui/shared/formatting.py" />
            <source>Connecting…</source>
            <translation>Menyambung…</translation>
        </message>
        <message>
            <location filename="../../app/ui/shared/formatting.py" />
            <source>Waiting for QR scan</source>
            <translation>Menunggu pindai QR</translation>
        </message>
        <message>
            <location filename="../../app/ui/shared/formatting.py" />
            <source>Waiting for pairing code</source>
            <translation>Menunggu kode tautan</translation>
        </message>
        <message>
            <location filename="../../app/ui/shared/formatting.py" />
            <source>Connected</source>
            <translation>Terhubung</translation>
        </message>
        <message>
            <location filename="../../app/ui/shared/formatting.py" />
            <source>Reconnecting…</source>
            <translation>Menyambung ulang…</translation>
        </message>
        <message>
            <location filename="../../app/ui/shared/formatting.py" />
            <source>Logged out — link again</source>
            <translation>Dikeluarkan — tautkan lagi</translation>
        </message>
        <message>
            <location filename="../../app/ui/shared/formatting.py" />
            <source>Open on another computer</source>
            <translation>Dibuka di komputer lain</translation>
        </message>
        <message>
            <location filename="../../app/ui/shared/formatting.py" />
            <source>Failed</source>
            <translation>Gagal</translation>
        </message>
        <message>
            <location filename="../../app/ui/shared/formatting.py" />
            <source>Bridge restarting…</source>
            <translation>Penghubung dimulai ulang…</translation>
        </message>
        <message>
            <location filename="../../app/ui/shared/formatting.py" />
            <source>Bridge not responding…</source>
            <translation>Penghubung tidak merespons…</translation>
        </message>
        <message>
            <location filename="../../app/ui/shared/formatting.py" />
            <source>Bridge stopped</source>
            <translation>Penghubung berhenti</translation>
        </message>
        <message>
            <location filename="../../app/ui/shared/formatting.py" />
            <source>Bridge stopped after repeated failures — trying again at %1</source>
            <translation>Penghubung berhenti setelah gagal berulang kali — dicoba lagi pukul %1</translation>
        </message>
        <message>
            <location filename="../../app/ui/shared/formatting.py" />
            <source>Logged out by you</source>
            <translation>Dikeluarkan oleh Anda</translation>
        </message>
        <message>
            <location filename="../../app/ui/shared/formatting.py" />
            <source>The QR code was not scanned in time.</source>
            <translation>Kode QR tidak dipindai tepat waktu.</translation>
        </message>
        <message>
            <location filename="../../app/ui/shared/formatting.py" />
            <source>WhatsApp has blocked this number.</source>
            <translation>WhatsApp memblokir nomor ini.</translation>
        </message>
        <message>
            <location filename="../../app/ui/shared/formatting.py" />
            <source>WhatsApp asks for a newer version of Jaga.</source>
            <translation>WhatsApp meminta Jaga versi yang lebih baru.</translation>
        </message>
        <message>
            <location filename="../../app/ui/shared/formatting.py" />
            <source>WhatsApp has banned this number for a while. Jaga does not reconnect it by itself.</source>
            <translation>WhatsApp memblokir nomor ini untuk sementara. Jaga tidak menyambungkannya lagi sendiri.</translation>
        </message>
        <message>
            <location filename="../../app/ui/shared/formatting.py" />
            <source>WhatsApp has banned this number. Check the WhatsApp app on the phone; Jaga does not reconnect it by itself.</source>
            <translation>WhatsApp memblokir nomor ini. Periksa aplikasi WhatsApp di ponsel; Jaga tidak menyambungkannya lagi sendiri.</translation>
        </message>
        <message>
            <location filename="../../app/ui/shared/formatting.py" />
            <source>The saved link could not be read; it was put aside. Link again.</source>
            <translation>Data tautan yang tersimpan tidak bisa dibaca dan sudah disisihkan. Tautkan lagi.</translation>
        </message>
        <message>
            <location filename="../../app/ui/shared/formatting.py" />
            <source>The connection was lost.</source>
            <translation>Koneksi terputus.</translation>
        </message>
        <message>
            <location filename="../../app/ui/shared/formatting.py" />
            <source>The connection timed out.</source>
            <translation>Koneksi kehabisan waktu.</translation>
        </message>
        <message>
            <location filename="../../app/ui/shared/formatting.py" />
            <source>A routine restart WhatsApp asks for after linking; Jaga reconnects at once.</source>
            <translation>Mulai ulang biasa yang diminta WhatsApp setelah ditautkan; Jaga langsung menyambung lagi.</translation>
        </message>
        <message>
            <location filename="../../app/ui/shared/formatting.py" />
            <source>This computer was unlinked on the phone.</source>
            <translation>Tautan komputer ini dilepas dari HP.</translation>
        </message>
        <message>
            <location filename="../../app/ui/shared/formatting.py" />
            <source>The number was opened on another computer.</source>
            <translation>Nomor ini dibuka di komputer lain.</translation>
        </message>
        <message>
            <location filename="../../app/ui/shared/formatting.py" />
            <source>Something went wrong inside the bridge.</source>
            <translation>Terjadi kesalahan di dalam penghubung.</translation>
        </message>
        <message>
            <location filename="../../app/ui/shared/formatting.py" />
            <source>Stopped by you.</source>
            <translation>Dihentikan oleh Anda.</translation>
        </message>
        <message>
            <location filename="../../app/ui/shared/formatting.py" />
            <source>The bridge stopped unexpectedly.</source>
            <translation>Penghubung berhenti tiba-tiba.</translation>
        </message>
        <message>
            <location filename="../../app/ui/shared/formatting.py" />
            <source>The bridge was stopped.</source>
            <translation>Penghubung dihentikan.</translation>
        </message>
        <message>
            <location filename="../../app/ui/shared/formatting.py" />
            <source>Not running on the bridge.</source>
            <translation>Tidak berjalan di penghubung.</translation>
        </message>
        <message>
            <location filename="../../app/ui/shared/formatting.py" />
            <source>You logged this number out.</source>
            <translation>Anda mengeluarkan nomor ini.</translation>
        </message>
        <message>
            <location filename="../../app/ui/shared/formatting.py" />
            <source>You restarted the bridge.</source>
            <translation>Anda memulai ulang penghubung.</translation>
        </message>
        <message>
            <location filename="../../app/ui/shared/formatting.py" />
            <source>The old link keys could not be deleted yet (disk full or database busy); Jaga keeps trying.</source>
            <translation>Kunci tautan lama belum bisa dihapus (disk penuh atau database sibuk); Jaga terus mencoba.</translation>
        </message>
        <message>
            <location filename="../../app/ui/shared/formatting.py" />
            <source>The bridge's database was damaged and set aside; this number's link could not be read back. Link it again.</source>
            <translation>Database penghubung rusak dan disisihkan; tautan nomor ini tidak bisa dibaca kembali. Tautkan lagi.</translation>
        </message>
        <message>
            <location filename="../../app/ui/shared/formatting.py" />
            <source>The connection went silent; Jaga reconnects.</source>
            <translation>Koneksi menjadi senyap; Jaga menyambungkan ulang.</translation>
        </message>
        <message>
            <location filename="../../app/ui/shared/formatting.py" />
            <source>WhatsApp could not continue the session; Jaga connects again.</source>
            <translation>WhatsApp tidak bisa melanjutkan sesi; Jaga menyambung lagi.</translation>
        </message>
        <message>
            <location filename="../../app/ui/shared/formatting.py" />
            <source>WhatsApp was unavailable for a moment.</source>
            <translation>WhatsApp sempat tidak tersedia.</translation>
        </message>
        <message>
            <location filename="../../app/ui/shared/formatting.py" />
            <source>The saved link of this number is gone; Jaga will not re-link it silently. Link again.</source>
            <translation>Tautan tersimpan nomor ini hilang; Jaga tidak menautkannya ulang diam-diam. Tautkan lagi.</translation>
        </message>
        <message>
            <location filename="../../app/ui/shared/formatting.py" />
            <source>Scan the QR code with WhatsApp on the phone.</source>
            <translation>Pindai kode QR dengan WhatsApp di ponsel.</translation>
        </message>
        <message>
            <location filename="../../app/ui/shared/formatting.py" />
            <source>Type the pairing code on the phone.</source>
            <translation>Ketik kode tautan di ponsel.</translation>
        </message>
        <message>
            <location filename="../../app/ui/shared/formatting.py" />
            <source>Connecting to WhatsApp.</source>
            <translation>Menyambung ke WhatsApp.</translation>
        </message>
        <message>
            <location filename="../../app/ui/shared/formatting.py" />
            <location filename="../../app/ui/shared/notices.py" />
            <source>No internet connection</source>
            <translation>Tidak ada koneksi internet</translation>
        </message>
        <message>
            <location filename="../../app/ui/shared/formatting.py" />
            <source>Number added</source>
            <translation>Nomor ditambahkan</translation>
        </message>
        <message>
            <location filename="../../app/ui/shared/formatting.py" />
            <source>Number removed</source>
            <translation>Nomor dihapus</translation>
        </message>
        <message>
            <location filename="../../app/ui/shared/formatting.py" />
            <source>Duplicate entry of this phone merged</source>
            <translation>Data ganda nomor ini digabungkan</translation>
        </message>
        <message>
            <location filename="../../app/ui/shared/formatting.py" />
            <source>You started it</source>
            <translation>Anda menjalankannya</translation>
        </message>
        <message>
            <location filename="../../app/ui/shared/formatting.py" />
            <source>You stopped it</source>
            <translation>Anda menghentikannya</translation>
        </message>
        <message>
            <location filename="../../app/ui/shared/formatting.py" />
            <source>You asked to reconnect</source>
            <translation>Anda meminta sambung ulang</translation>
        </message>
        <message>
            <location filename="../../app/ui/shared/formatting.py" />
            <source>Started again by Jaga</source>
            <translation>Dijalankan lagi oleh Jaga</translation>
        </message>
        <message>
            <location filename="../../app/ui/shared/formatting.py" />
            <source>Stopped by Jaga (not wanted)</source>
            <translation>Dihentikan oleh Jaga (tidak diinginkan)</translation>
        </message>
        <message>
            <location filename="../../app/ui/shared/formatting.py" />
            <source>Bridge started</source>
            <translation>Penghubung menyala</translation>
        </message>
        <message>
            <location filename="../../app/ui/shared/formatting.py" />
            <source>Bridge crashed</source>
            <translation>Penghubung mogok</translation>
        </message>
        <message>
            <location filename="../../app/ui/shared/formatting.py" />
            <source>You restarted the bridge</source>
            <translation>Anda memulai ulang penghubung</translation>
        </message>
        <message>
            <location filename="../../app/ui/shared/formatting.py" />
            <source>Bridge stopped after repeated failures</source>
            <translation>Penghubung berhenti setelah gagal berulang kali</translation>
        </message>
        <message>
            <location filename="../../app/ui/shared/formatting.py" />
            <source>You logged it out</source>
            <translation>Anda mengeluarkannya</translation>
        </message>
        <message>
            <location filename="../../app/ui/shared/formatting.py" />
            <source>A message that could not be saved was put aside</source>
            <translation>Pesan yang tidak bisa disimpan disisihkan</translation>
        </message>
        <message>
            <location filename="../../app/ui/shared/formatting.py" />
            <source>WhatsApp limited sending to new contacts</source>
            <translation>WhatsApp membatasi pengiriman ke kontak baru</translation>
        </message>
        <message>
            <location filename="../../app/ui/shared/formatting.py" />
            <source>The limit on new contacts ended</source>
            <translation>Batas pengiriman ke kontak baru sudah berakhir</translation>
        </message>
        <message>
            <location filename="../../app/ui/shared/formatting.py" />
            <source>Number found again in the bridge's records</source>
            <translation>Nomor ditemukan lagi di catatan penghubung</translation>
        </message>
        <message>
            <location filename="../../app/ui/shared/formatting.py" />
            <source>The bridge's damaged database was set aside</source>
            <translation>Basis data penghubung yang rusak disisihkan</translation>
        </message>
        <message>
            <location filename="../../app/ui/shared/formatting.py" />
            <source>Starting the bridge…</source>
            <translation>Menyalakan penghubung…</translation>
        </message>
        <message>
            <location filename="../../app/ui/shared/formatting.py" />
            <source>Bridge running</source>
            <translation>Penghubung berjalan</translation>
        </message>
        <message>
            <location filename="../../app/ui/shared/formatting.py" />
            <source>Stopping the bridge…</source>
            <translation>Mematikan penghubung…</translation>
        </message>
        <message>
            <location filename="../../app/ui/shared/formatting.py" />
            <source>just now</source>
            <translation>baru saja</translation>
        </message>
        <message numerus="yes">
            <location filename="../../app/ui/shared/formatting.py" />
            <source>%n min ago</source>
            <translation>
                <numerusform>%n menit lalu</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../../app/ui/shared/formatting.py" />
            <source>%n h ago</source>
            <translation>
                <numerusform>%n jam lalu</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../../app/ui/shared/formatting.py" />
            <source>%n days ago</source>
            <translation>
                <numerusform>%n hari lalu</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../app/ui/shared/formatting.py" />
            <source>%1 s</source>
            <translation>%1 dtk</translation>
        </message>
        <message>
            <location filename="../../app/ui/shared/formatting.py" />
            <source>%1 min</source>
            <translation>%1 mnt</translation>
        </message>
        <message>
            <location filename="../../app/ui/shared/formatting.py" />
            <source>%1 h %2 min</source>
            <translation>%1 jam %2 mnt</translation>
        </message>
        <message numerus="yes">
            <location filename="../../app/ui/shared/formatting.py" />
            <source>%n days</source>
            <translation>
                <numerusform>%n hari</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../app/ui/shared/formatting.py" />
            <source>%1 h</source>
            <translation>%1 jam</translation>
        </message>
        <message>
            <location filename="../../app/ui/shared/formatting.py" />
            <source>Group %1</source>
            <translation>Grup %1</translation>
        </message>
        <message>
            <location filename="../../app/ui/shared/formatting.py" />
            <source>Contact %1</source>
            <translation>Kontak %1</translation>
        </message>
        <message>
            <location filename="../../app/ui/shared/formatting.py" />
            <source>Waiting to be sent</source>
            <translation>Menunggu dikirim</translation>
        </message>
        <message>
            <location filename="../../app/ui/shared/formatting.py" />
            <source>Sent</source>
            <translation>Terkirim</translation>
        </message>
        <message>
            <location filename="../../app/ui/shared/formatting.py" />
            <source>Read</source>
            <translation>Dibaca</translation>
        </message>
        <message>
            <location filename="../../app/ui/shared/formatting.py" />
            <source>Queued — will send when reconnected</source>
            <translation>Dalam antrean — terkirim saat tersambung lagi</translation>
        </message>
        <message>
            <location filename="../../app/ui/shared/formatting.py" />
            <source>Today's messages to new contacts are used up (Safe sending); the rest go at %1</source>
            <translation>Jatah pesan ke kontak baru hari ini sudah habis (Pengiriman aman); sisanya dikirim pukul %1</translation>
        </message>
        <message>
            <location filename="../../app/ui/shared/formatting.py" />
            <source>Sending to new contacts is limited for now</source>
            <translation>Pengiriman ke kontak baru dibatasi untuk sementara</translation>
        </message>
        <message>
            <location filename="../../app/ui/shared/formatting.py" />
            <source>Sending to new contacts is limited until %1</source>
            <translation>Pengiriman ke kontak baru dibatasi sampai %1</translation>
        </message>
        <message>
            <location filename="../../app/ui/shared/keeper_text.py" />
            <source>Jaga's link to the bridge stopped after an error; Jaga started it again.</source>
            <translation>Sambungan Jaga ke penghubung berhenti karena kesalahan; Jaga sudah menjalankannya lagi.</translation>
        </message>
        <message>
            <location filename="../../app/ui/shared/keeper_text.py" />
            <source>Jaga's message sender stopped after an error; Jaga started it again.</source>
            <translation>Pengirim pesan Jaga berhenti karena kesalahan; Jaga sudah menjalankannya lagi.</translation>
        </message>
        <message>
            <location filename="../../app/ui/shared/keeper_text.py" />
            <source>Jaga's check of your numbers stopped after an error; Jaga started it again.</source>
            <translation>Pemeriksaan nomor Anda oleh Jaga berhenti karena kesalahan; Jaga sudah menjalankannya lagi.</translation>
        </message>
        <message>
            <location filename="../../app/ui/shared/keeper_text.py" />
            <source>Jaga's webhook sender stopped after an error; Jaga started it again.</source>
            <translation>Pengirim webhook Jaga berhenti karena kesalahan; Jaga sudah menjalankannya lagi.</translation>
        </message>
        <message>
            <location filename="../../app/ui/shared/keeper_text.py" />
            <source>A part of Jaga stopped after an error; Jaga started it again.</source>
            <translation>Salah satu bagian Jaga berhenti karena kesalahan; Jaga sudah menjalankannya lagi.</translation>
        </message>
        <message>
            <location filename="../../app/ui/shared/keeper_text.py" />
            <source>Some of Jaga's background work failed; the details are in jaga.log.</source>
            <translation>Sebagian pekerjaan latar Jaga gagal; rinciannya ada di jaga.log.</translation>
        </message>
        <message>
            <location filename="../../app/ui/shared/media_text.py" />
            <source>Too large — open it on the phone</source>
            <translation>Terlalu besar — buka di HP</translation>
        </message>
        <message>
            <location filename="../../app/ui/shared/media_text.py" />
            <source>Could not be downloaded — open it on the phone</source>
            <translation>Tidak bisa diunduh — buka di HP</translation>
        </message>
        <message>
            <location filename="../../app/ui/shared/media_text.py" />
            <source>The file%1 is no longer there.</source>
            <translation>Berkas%1 sudah tidak ada.</translation>
        </message>
        <message>
            <location filename="../../app/ui/shared/media_text.py" />
            <source>“%1” is a folder, not a file.</source>
            <translation>“%1” adalah folder, bukan berkas.</translation>
        </message>
        <message>
            <location filename="../../app/ui/shared/media_text.py" />
            <source>The file%1 cannot be read: %2.</source>
            <translation>Berkas%1 tidak bisa dibaca: %2.</translation>
        </message>
        <message>
            <location filename="../../app/ui/shared/media_text.py" />
            <source>The file%1 is too large: Jaga sends files up to %2 (change it in Settings).</source>
            <translation>Berkas%1 terlalu besar: Jaga mengirim berkas paling besar %2 (ubah di Pengaturan).</translation>
        </message>
        <message>
            <location filename="../../app/ui/shared/media_text.py" />
            <source>The file%1 is empty.</source>
            <translation>Berkas%1 kosong.</translation>
        </message>
        <message>
            <location filename="../../app/ui/shared/media_text.py" />
            <source>The disk is full: the file could not be copied into Jaga's data folder. Free some space and try again.</source>
            <translation>Disk penuh: berkas tidak bisa disalin ke folder data Jaga. Kosongkan sebagian ruang, lalu coba lagi.</translation>
        </message>
        <message>
            <location filename="../../app/ui/shared/media_text.py" />
            <source>The file could not be copied into Jaga's data folder: %1.</source>
            <translation>Berkas tidak bisa disalin ke folder data Jaga: %1.</translation>
        </message>
        <message>
            <location filename="../../app/ui/shared/media_text.py" />
            <source>Jaga cannot send a “%1”.</source>
            <translation>Jaga tidak bisa mengirim “%1”.</translation>
        </message>
        <message>
            <location filename="../../app/ui/shared/media_text.py" />
            <source>This file is not a photo (JPEG, PNG or WebP); send it as a document.</source>
            <translation>Berkas ini bukan foto (JPEG, PNG, atau WebP); kirim sebagai dokumen.</translation>
        </message>
        <message>
            <location filename="../../app/ui/shared/media_text.py" />
            <source>This file is not a video WhatsApp plays (MP4); send it as a document.</source>
            <translation>Berkas ini bukan video yang bisa diputar WhatsApp (MP4); kirim sebagai dokumen.</translation>
        </message>
        <message>
            <location filename="../../app/ui/shared/media_text.py" />
            <source>This file is not a sound file; send it as a document.</source>
            <translation>Berkas ini bukan berkas suara; kirim sebagai dokumen.</translation>
        </message>
        <message>
            <location filename="../../app/ui/shared/media_text.py" />
            <source>A voice note or sound file cannot carry words; send them as a message of their own.</source>
            <translation>Pesan suara atau berkas suara tidak bisa membawa tulisan; kirim tulisannya sebagai pesan tersendiri.</translation>
        </message>
        <message>
            <location filename="../../app/ui/shared/media_text.py" />
            <source>A voice note must be an Ogg/Opus sound file (.ogg or .opus).</source>
            <translation>Pesan suara harus berupa berkas suara Ogg/Opus (.ogg atau .opus).</translation>
        </message>
        <message>
            <location filename="../../app/ui/shared/media_text.py" />
            <source>Photo</source>
            <translation>Foto</translation>
        </message>
        <message>
            <location filename="../../app/ui/shared/media_text.py" />
            <source>Video</source>
            <translation>Video</translation>
        </message>
        <message>
            <location filename="../../app/ui/shared/media_text.py" />
            <source>Audio</source>
            <translation>Audio</translation>
        </message>
        <message>
            <location filename="../../app/ui/shared/media_text.py" />
            <source>Voice note</source>
            <translation>Pesan suara</translation>
        </message>
        <message>
            <location filename="../../app/ui/shared/media_text.py" />
            <source>Document</source>
            <translation>Dokumen</translation>
        </message>
        <message>
            <location filename="../../app/ui/shared/media_text.py" />
            <source>Sticker</source>
            <translation>Stiker</translation>
        </message>
        <message>
            <location filename="../../app/ui/shared/media_text.py" />
            <source>File</source>
            <translation>Berkas</translation>
        </message>
        <message>
            <location filename="../../app/ui/shared/message_look.py" />
            <source>A message could not be read — check the phone</source>
            <translation>Sebuah pesan tidak dapat dibaca — periksa di ponsel</translation>
        </message>
        <message>
            <location filename="../../app/ui/shared/notices.py" />
            <source>“%1”</source>
            <translation>“%1”</translation>
        </message>
        <message>
            <location filename="../../app/ui/shared/notices.py" />
            <source>%1 and %2</source>
            <translation>%1 dan %2</translation>
        </message>
        <message>
            <location filename="../../app/ui/shared/notices.py" />
            <source>%1 were logged out</source>
            <translation>%1 telah dikeluarkan</translation>
        </message>
        <message>
            <location filename="../../app/ui/shared/notices.py" />
            <source>%1 was logged out</source>
            <translation>%1 telah dikeluarkan</translation>
        </message>
        <message>
            <location filename="../../app/ui/shared/notices.py" />
            <source>WhatsApp unlinked this computer. Scan a new QR code to link it again.</source>
            <translation>WhatsApp melepas tautan komputer ini. Pindai kode QR baru untuk menautkannya lagi.</translation>
        </message>
        <message>
            <location filename="../../app/ui/shared/notices.py" />
            <source>%1 are open on another computer</source>
            <translation>%1 dibuka di komputer lain</translation>
        </message>
        <message>
            <location filename="../../app/ui/shared/notices.py" />
            <source>%1 is open on another computer</source>
            <translation>%1 dibuka di komputer lain</translation>
        </message>
        <message>
            <location filename="../../app/ui/shared/notices.py" />
            <source>WhatsApp moved this number to another computer. Reconnect to use it here.</source>
            <translation>WhatsApp memindahkan nomor ini ke komputer lain. Sambungkan ulang untuk memakainya di sini.</translation>
        </message>
        <message>
            <location filename="../../app/ui/shared/notices.py" />
            <source>Reconnect here</source>
            <translation>Sambungkan di sini</translation>
        </message>
        <message>
            <location filename="../../app/ui/shared/notices.py" />
            <source>%1 stopped working</source>
            <translation>%1 berhenti bekerja</translation>
        </message>
        <message>
            <location filename="../../app/ui/shared/notices.py" />
            <source>WhatsApp refused the connection.</source>
            <translation>WhatsApp menolak sambungan.</translation>
        </message>
        <message>
            <location filename="../../app/ui/shared/notices.py" />
            <source>Fix</source>
            <translation>Perbaiki</translation>
        </message>
        <message>
            <location filename="../../app/ui/shared/notices.py" />
            <source>Jaga's bridge has stopped</source>
            <translation>Penghubung Jaga berhenti</translation>
        </message>
        <message>
            <location filename="../../app/ui/shared/notices.py" />
            <source>No number is connected until it runs again. Jaga tries again by itself every 5 minutes; Restart in the bridge panel tries now.</source>
            <translation>Tidak ada nomor yang tersambung sampai penghubung berjalan lagi. Jaga mencoba lagi sendiri setiap 5 menit; Mulai ulang di panel penghubung mencoba sekarang.</translation>
        </message>
        <message>
            <location filename="../../app/ui/shared/notices.py" />
            <source>Open bridge panel</source>
            <translation>Buka panel penghubung</translation>
        </message>
        <message>
            <location filename="../../app/ui/shared/notices.py" />
            <source>%1 are offline.</source>
            <translation>%1 sedang terputus.</translation>
        </message>
        <message>
            <location filename="../../app/ui/shared/notices.py" />
            <source>%1 is offline.</source>
            <translation>%1 sedang terputus.</translation>
        </message>
        <message>
            <location filename="../../app/ui/shared/notices.py" />
            <source>Jaga reconnects by itself when the internet is back.</source>
            <translation>Jaga menyambung ulang sendiri begitu internet kembali.</translation>
        </message>
        <message>
            <location filename="../../app/ui/shared/notices.py" />
            <source>%1 are still reconnecting</source>
            <translation>%1 masih menyambung ulang</translation>
        </message>
        <message>
            <location filename="../../app/ui/shared/notices.py" />
            <source>%1 is still reconnecting</source>
            <translation>%1 masih menyambung ulang</translation>
        </message>
        <message>
            <location filename="../../app/ui/shared/notices.py" />
            <source>Offline for more than 30 seconds; Jaga keeps trying.</source>
            <translation>Sudah lebih dari 30 detik terputus; Jaga terus mencoba.</translation>
        </message>
        <message>
            <location filename="../../app/ui/tray/tray_icon.py" />
            <source>Open Jaga</source>
            <translation>Buka Jaga</translation>
        </message>
        <message>
            <location filename="../../app/ui/tray/tray_icon.py" />
            <source>The bridge is down: no number is connected</source>
            <translation>Penghubung mati: tidak ada nomor yang terhubung</translation>
        </message>
        <message>
            <location filename="../../app/ui/tray/tray_icon.py" />
            <source>Needs you: %1</source>
            <translation>Perlu Anda: %1</translation>
        </message>
        <message>
            <location filename="../../app/ui/tray/tray_icon.py" />
            <source>Reconnecting: %1</source>
            <translation>Menyambung ulang: %1</translation>
        </message>
        <message>
            <location filename="../../app/ui/tray/tray_icon.py" />
            <source>Starting…</source>
            <translation>Memulai…</translation>
        </message>
        <message numerus="yes">
            <location filename="../../app/ui/tray/tray_icon.py" />
            <source>All %n numbers connected</source>
            <translation>
                <numerusform>Semua nomor terhubung (%n)</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../app/ui/tray/tray_icon.py" />
            <source>No number is running</source>
            <translation>Tidak ada nomor yang berjalan</translation>
        </message>
        <message>
            <location filename="../../app/ui/tray/tray_icon.py" />
            <source>No numbers yet</source>
            <translation>Belum ada nomor</translation>
        </message>
        <message>
            <source>WhatsApp asked for a restart.</source>
            <translation type="vanished">WhatsApp meminta sambungan dimulai ulang.</translation>
        </message>
        <message>
            <source>Logged out. The old link keys could not be deleted yet (disk full or database busy); Jaga keeps trying.</source>
            <translation type="vanished">Sudah keluar. Kunci tautan lama belum bisa dihapus (disk penuh atau database sibuk); Jaga terus mencoba.</translation>
        </message>
        <message>
            <source>“%1” was logged out</source>
            <translation type="vanished">“%1” telah dikeluarkan</translation>
        </message>
        <message>
            <source>“%1” is open on another computer</source>
            <translation type="vanished">“%1” dibuka di komputer lain</translation>
        </message>
        <message>
            <source>“%1” stopped working</source>
            <translation type="vanished">“%1” berhenti bekerja</translation>
        </message>
        <message>
            <source>“%1” is still reconnecting</source>
            <translation type="vanished">“%1” masih menyambung ulang</translation>
        </message>
        <message>
            <source>It has been offline for more than 30 seconds. Jaga keeps trying.</source>
            <translation type="vanished">Sudah lebih dari 30 detik terputus. Jaga terus mencoba.</translation>
        </message>
        <message>
            <source>Jaga makes a new bridge password at every start. Everything works; the password is just not saved.</source>
            <translation type="vanished">Jaga membuat kata sandi penghubung baru setiap kali dibuka. Semuanya tetap berjalan; hanya kata sandinya tidak disimpan.</translation>
        </message>
        <message>
            <source>Get a new code</source>
            <translation type="vanished">Minta kode baru</translation>
        </message>
        <message>
            <source>Address:</source>
            <translation type="vanished">Alamat:</translation>
        </message>
        <message>
            <source>Secret (for the signature):</source>
            <translation type="vanished">Rahasia (untuk tanda tangan):</translation>
        </message>
        <message>
            <source>Add the address of your shop's software below.</source>
            <translation type="vanished">Tambahkan alamat software toko Anda di bawah.</translation>
        </message>
        <message>
            <source>All received files together, at most:</source>
            <translation type="vanished">Semua berkas yang diterima, paling banyak:</translation>
        </message>
        <message>
            <source>That does not look like a phone number. Example: +62 812-3456-7890</source>
            <translation type="vanished">Sepertinya itu bukan nomor HP. Contoh: +62 812-3456-7890</translation>
        </message>
        <message>
            <source>The message is too long (%1 characters; WhatsApp takes %2 at most).</source>
            <translation type="vanished">Pesannya terlalu panjang (%1 karakter; WhatsApp menerima paling banyak %2).</translation>
        </message>
        <message>
            <source>No number is connected until it runs again.</source>
            <translation type="vanished">Tidak ada nomor yang terhubung sampai penghubung berjalan lagi.</translation>
        </message>
        <message>
            <source>Jaga cannot send to groups yet.</source>
            <translation type="vanished">Jaga belum bisa mengirim ke grup.</translation>
        </message>
        <message>
            <source>Jaga stops watching this number and deletes its status history. Kept: the link on the phone (it stays under Linked devices until you log it out) and Jaga's event log. Log out first to unlink the phone as well.</source>
            <translation type="vanished">Jaga berhenti menjaga nomor ini dan menghapus riwayat statusnya. Yang tetap ada: tautan di HP (tetap muncul di Perangkat tertaut sampai Anda mengeluarkannya) dan catatan kejadian Jaga. Pilih Keluarkan dulu kalau tautan di HP juga mau dilepas.</translation>
        </message>
    </context>
</TS>
