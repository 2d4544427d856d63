// Replies and read receipts in Baileys' shapes (rc14). A quoted reply needs the quoted
// message's key and content (Utils/messages.js generateWAMessageFromContent: contextInfo
// gets stanzaId = key.id, participant, quotedMessage); readMessages takes message keys
// and sends receipts for those not from us (Socket/messages-send.js readMessages).

/**
 * @param {string} jid the chat the reply goes to
 * @param {import('../../send/extras.js').Quoted} quoted
 */
export function quotedMessage(jid, quoted) {
  return {
    key: {
      remoteJid: jid,
      fromMe: quoted.from_me,
      id: quoted.id,
      ...(quoted.participant ? { participant: quoted.participant } : {}),
    },
    message: { conversation: quoted.text },
  };
}

/**
 * @param {string} remoteJid @param {string[]} ids @param {string|null} participant the writer, in a group
 */
export function seenKeys(remoteJid, ids, participant) {
  return ids.map((id) => ({
    remoteJid,
    id,
    fromMe: false,
    ...(participant ? { participant } : {}),
  }));
}
