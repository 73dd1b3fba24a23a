import { formatTranscriptHtml, formatTranscriptText, TranscriptInput } from './transcript-formatter';

type Message = TranscriptInput['messages'][number];

const at = (iso: string) => new Date(iso);

function message(overrides: Partial<Message> & Pick<Message, 'createdAt'>): Message {
  return {
    direction: 'inbound', kind: 'client', body: '', media: [], senderDisplayName: null,
    status: 'received', errorMessage: null, ...overrides,
  };
}

const PICTURE_URL = 'https://api.twilio.com/2010-04-01/Accounts/AC1/Messages/MM1/Media/ME1';
const PDF_URL = 'https://api.twilio.com/2010-04-01/Accounts/AC1/Messages/MM2/Media/ME2';

/** A linked client on 12/04/2026 (Central Standard Time, UTC-6) with every kind of text. */
function linkedConversation(): TranscriptInput {
  return {
    client: { displayName: 'Jane Doe', sandiClientId: 'C10001' },
    phone: '+12175550101',
    queue: { code: 'SAC', name: 'Small Animal Clinic', phoneNumber: '+18444073300' },
    patients: [
      { name: 'Biscuit', species: 'canine', status: 'active' },
      { name: 'Tiger', species: 'feline', status: 'deceased' },
      { name: 'Max', species: 'canine', status: 'inactive' },
    ],
    messages: [
      message({ createdAt: at('2026-12-04T18:02:00Z'), body: 'Hi, this is Jane 🐶' }),
      message({
        createdAt: at('2026-12-04T18:02:03Z'), direction: 'outbound', kind: 'opt_in_prompt', status: 'delivered',
        body: 'Illinois Vet Messenger: reply YES to get texts from the Small Animal Clinic. Msg&data rates may apply. Reply STOP to opt out.',
      }),
      message({ createdAt: at('2026-12-04T18:03:00Z'), body: 'YES' }),
      message({
        createdAt: at('2026-12-04T18:03:02Z'), direction: 'outbound', kind: 'welcome', status: 'delivered',
        body: 'Thanks! You will now get texts from the Small Animal Clinic.',
      }),
      message({
        createdAt: at('2026-12-04T18:10:00Z'),
        body: 'Biscuit is limping on his back left leg.\r\nHe still ate breakfast.\r\n\r\nCan we come in today?\n',
      }),
      message({ createdAt: at('2026-12-04T18:11:00Z'), media: [{ url: PICTURE_URL, contentType: 'image/jpeg' }] }),
      message({
        createdAt: at('2026-12-04T18:12:00Z'), direction: 'internal', kind: 'note', status: 'note',
        senderDisplayName: 'Sam Carter', body: 'Owner sounds worried, call back if no answer',
      }),
      message({
        createdAt: at('2026-12-04T18:20:00Z'), direction: 'outbound', kind: 'staff', status: 'delivered',
        senderDisplayName: 'Sam Carter', body: 'Dr. Lee can see Biscuit at 3:30 PM today.',
      }),
      message({
        createdAt: at('2026-12-04T18:25:00Z'), direction: 'outbound', kind: 'staff', status: 'failed',
        senderDisplayName: 'Sam Carter', body: 'Please bring his vaccine records.',
        errorMessage: "The client's phone was off or out of coverage.",
      }),
      message({
        createdAt: at('2026-12-04T18:40:00Z'), body: 'Here they are. ¡Gracias! 谢谢 👍🏽',
        media: [{ url: PDF_URL, contentType: 'application/pdf' }],
      }),
      message({
        createdAt: at('2026-12-04T20:14:00Z'), direction: 'outbound', kind: 'staff', status: 'queued',
        senderDisplayName: 'Kim Nguyen', body: 'See you at 3:30!',
      }),
    ],
    timeZone: 'America/Chicago',
    exportedAt: at('2026-12-04T20:15:00Z'),
    exportedBy: 'Sam Carter',
  };
}

/**
 * An unknown client texting the Large Animal Clinic overnight into 03/08/2026, when Chicago
 * skips from 1:59 AM CST to 3:00 AM CDT.
 */
function overnightConversation(): TranscriptInput {
  return {
    client: null,
    phone: '+12175550199',
    queue: { code: 'LAC', name: 'Large Animal Clinic', phoneNumber: '+18444102300' },
    patients: [],
    messages: [
      message({ createdAt: at('2026-03-08T05:50:00Z'), body: 'Our mare is colicking, please call 🐴' }),
      message({
        createdAt: at('2026-03-08T05:50:02Z'), direction: 'outbound', kind: 'auto_reply', status: 'delivered',
        body: 'The Large Animal Clinic is closed. For emergencies call (217) 333-2000.',
      }),
      message({ createdAt: at('2026-03-08T06:10:00Z'), body: 'Still waiting' }),
      message({
        createdAt: at('2026-03-08T07:55:00Z'), direction: 'outbound', kind: 'staff', status: 'delivered',
        senderDisplayName: 'Dana Ruiz', body: 'The on-call vet is on the way.',
      }),
      message({ createdAt: at('2026-03-08T08:05:00Z'), body: 'Thank you' }),
      message({
        createdAt: at('2026-03-08T08:06:00Z'), direction: 'outbound', kind: 'staff', status: 'sending',
        senderDisplayName: 'Dana Ruiz', body: 'Text us if anything changes.',
      }),
    ],
    timeZone: 'America/Chicago',
    exportedAt: at('2026-03-08T14:00:00Z'),
    exportedBy: 'Dana Ruiz',
  };
}

/** A phone SANDI knows under two clients, none linked yet (given out of name order). */
function sharedPhoneConversation(): TranscriptInput {
  return {
    client: null,
    otherClients: [
      { displayName: 'John Doe', sandiClientId: 'C10002' },
      { displayName: 'Jane Doe', sandiClientId: 'C10001' },
    ],
    phone: '+12175550101',
    queue: { code: 'VMSC', name: 'Veterinary Medical Specialty Clinic', phoneNumber: '+18444014300' },
    patients: [{ name: 'Biscuit', species: 'canine' }],
    messages: [
      message({ createdAt: at('2026-06-15T14:00:00Z'), body: 'Is Biscuit ready to go home?' }),
      message({
        createdAt: at('2026-06-15T14:01:00Z'), direction: 'outbound', kind: 'help', status: 'delivered',
        body: 'Illinois Vet Messenger: text us here. Reply STOP to opt out.',
      }),
    ],
    timeZone: 'America/Chicago',
    exportedAt: at('2026-06-15T14:30:00Z'),
    exportedBy: 'Kim Nguyen',
  };
}

/** Markup in every field a person or a provider controls. */
function hostileConversation(): TranscriptInput {
  return {
    client: { displayName: '<b>Eve</b> & "Co"', sandiClientId: 'C1<0>' },
    phone: '+12175550101',
    queue: { code: 'SAC', name: 'Small <Animal> Clinic', phoneNumber: '+18444073300' },
    patients: [{ name: "Tiger <i>O'Malley</i>", species: 'feline', status: 'deceased' }],
    messages: [
      message({ createdAt: at('2026-12-04T18:00:00Z'), body: '<img src=x onerror=alert(1)>' }),
      message({
        createdAt: at('2026-12-04T18:01:00Z'),
        media: [{ url: 'https://example.test/a.jpg?x="><svg onload=alert(1)>', contentType: 'image/jpeg' }],
      }),
      message({
        createdAt: at('2026-12-04T18:02:00Z'), direction: 'outbound', kind: 'staff', status: 'undelivered',
        senderDisplayName: '<script>alert("sam")</script>', body: 'ok </p><p>',
        errorMessage: '<a href="javascript:alert(1)">x</a>',
      }),
    ],
    timeZone: 'America/Chicago',
    exportedAt: at('2026-12-04T20:15:00Z'),
    exportedBy: "<script>alert('x')</script>",
  };
}

describe(formatTranscriptText.name, () => {
  it('should print the header and one line per text when the conversation is linked to a SANDI client', () => {
    const sut = formatTranscriptText;

    expect(sut(linkedConversation())).toBe(
      'Illinois Vet Messenger — SAC (Small Animal Clinic) conversation\n'
        + 'Client: Jane Doe (SANDI #C10001)\n'
        + 'Phone: (217) 555-0101\n'
        + 'Patients: Biscuit (canine), Tiger (feline, deceased), Max (canine)\n'
        + 'Copied 12/04/2026 2:15 PM by Sam Carter\n'
        + '\n'
        + '12/04/2026 12:02 PM - Client: Hi, this is Jane 🐶\n'
        + '12/04/2026 12:02 PM - IVM (automatic): Illinois Vet Messenger: reply YES to get texts from the Small Animal Clinic. Msg&data rates may apply. Reply STOP to opt out.\n'
        + '12/04/2026 12:03 PM - Client: YES\n'
        + '12/04/2026 12:03 PM - IVM (automatic): Thanks! You will now get texts from the Small Animal Clinic.\n'
        + '12/04/2026 12:10 PM - Client: Biscuit is limping on his back left leg.\n'
        + '    He still ate breakfast.\n'
        + '\n'
        + '    Can we come in today?\n'
        + `12/04/2026 12:11 PM - Client: [picture: ${PICTURE_URL}]\n`
        + '12/04/2026 12:20 PM - Sam Carter: Dr. Lee can see Biscuit at 3:30 PM today.\n'
        + '12/04/2026 12:25 PM - Sam Carter: Please bring his vaccine records.\n'
        + "    (not delivered: The client's phone was off or out of coverage.)\n"
        + '12/04/2026 12:40 PM - Client: Here they are. ¡Gracias! 谢谢 👍🏽\n'
        + `    [attachment (application/pdf): ${PDF_URL}]\n`
        + '12/04/2026 2:14 PM - Kim Nguyen: See you at 3:30!\n'
        + '    (not sent yet)',
    );
  });

  it('should leave out internal notes when the conversation has them', () => {
    const sut = formatTranscriptText(linkedConversation());

    expect(sut).not.toContain('Owner sounds worried');
    expect(sut).not.toContain('12:12 PM');
  });

  it('should leave out a text when any of its fields says it is a note', () => {
    const input = linkedConversation();
    input.messages = [
      message({ createdAt: at('2026-12-04T18:00:00Z'), direction: 'outbound', kind: 'note', status: 'sent', body: 'A' }),
      message({ createdAt: at('2026-12-04T18:01:00Z'), direction: 'outbound', kind: 'staff', status: 'note', body: 'B' }),
    ];

    const sut = formatTranscriptText(input);

    expect(sut.endsWith('\n\nNo texts in this conversation.')).toBe(true);
  });

  it('should date each text in Chicago when the conversation crosses midnight and daylight saving time starts', () => {
    const sut = formatTranscriptText;

    expect(sut(overnightConversation())).toBe(
      'Illinois Vet Messenger — LAC (Large Animal Clinic) conversation\n'
        + 'Client: Unknown client\n'
        + 'Phone: (217) 555-0199\n'
        + 'Patients: none on file\n'
        + 'Copied 03/08/2026 9:00 AM by Dana Ruiz\n'
        + '\n'
        + '03/07/2026 11:50 PM - Client: Our mare is colicking, please call 🐴\n'
        + '03/07/2026 11:50 PM - IVM (automatic): The Large Animal Clinic is closed. For emergencies call (217) 333-2000.\n'
        + '03/08/2026 12:10 AM - Client: Still waiting\n'
        + '03/08/2026 1:55 AM - Dana Ruiz: The on-call vet is on the way.\n'
        + '03/08/2026 3:05 AM - Client: Thank you\n'
        + '03/08/2026 3:06 AM - Dana Ruiz: Text us if anything changes.\n'
        + '    (not sent yet)',
    );
  });

  it('should name the zone only when a time falls in the hour repeated as daylight saving time ends', () => {
    const input = overnightConversation();
    input.messages = [
      '2026-11-01T05:59:00Z', '2026-11-01T06:00:00Z', '2026-11-01T06:30:00Z',
      '2026-11-01T07:10:00Z', '2026-11-01T07:59:00Z', '2026-11-01T08:00:00Z',
    ].map((iso, index) => message({ createdAt: at(iso), body: `text ${index + 1}` }));
    input.exportedAt = at('2026-11-01T07:20:00Z');

    const sut = formatTranscriptText(input);

    expect(sut.split('\n').slice(4)).toEqual([
      'Copied 11/01/2026 1:20 AM CST by Dana Ruiz',
      '',
      '11/01/2026 12:59 AM - Client: text 1',
      '11/01/2026 1:00 AM CDT - Client: text 2',
      '11/01/2026 1:30 AM CDT - Client: text 3',
      '11/01/2026 1:10 AM CST - Client: text 4',
      '11/01/2026 1:59 AM CST - Client: text 5',
      '11/01/2026 2:00 AM - Client: text 6',
    ]);
  });

  it('should list both candidates in name order when the phone matches two SANDI clients and none is linked', () => {
    const sut = formatTranscriptText;

    expect(sut(sharedPhoneConversation())).toBe(
      'Illinois Vet Messenger — VMSC (Veterinary Medical Specialty Clinic) conversation\n'
        + 'Client: not linked — this phone matches 2 SANDI clients: Jane Doe (SANDI #C10001) or John Doe (SANDI #C10002)\n'
        + 'Phone: (217) 555-0101\n'
        + 'Patients: Biscuit (canine)\n'
        + 'Copied 06/15/2026 9:30 AM by Kim Nguyen\n'
        + '\n'
        + '06/15/2026 9:00 AM - Client: Is Biscuit ready to go home?\n'
        + '06/15/2026 9:01 AM - IVM (automatic): Illinois Vet Messenger: text us here. Reply STOP to opt out.',
    );
  });

  it.each<[string, TranscriptInput['client'], string]>([
    ['a name and a SANDI number', { displayName: 'Jane Doe', sandiClientId: 'C10001' }, 'Client: Jane Doe (SANDI #C10001)'],
    ['only a SANDI number', { displayName: null, sandiClientId: 'C10003' }, 'Client: SANDI #C10003'],
    ['only a name', { displayName: 'Jane Doe', sandiClientId: null }, 'Client: Jane Doe'],
    ['nothing', { displayName: '  ', sandiClientId: null }, 'Client: Unknown client'],
  ])('should describe the linked client when it has %s', (_case, client, expected) => {
    const sut = formatTranscriptText({ ...linkedConversation(), client, otherClients: [] });

    expect(sut.split('\n')[1]).toBe(expected);
  });

  it('should name the single candidate when the phone matches one SANDI client that is not linked', () => {
    const input = { ...sharedPhoneConversation(), otherClients: [{ displayName: 'Jane Doe', sandiClientId: 'C10001' }] };

    const sut = formatTranscriptText(input);

    expect(sut.split('\n')[1]).toBe('Client: not linked — this phone matches one SANDI client: Jane Doe (SANDI #C10001)');
  });

  it('should put texts in time order when they are given out of order', () => {
    const input = overnightConversation();
    input.messages = [...input.messages].reverse();

    const sut = formatTranscriptText(input);

    expect(sut).toBe(formatTranscriptText(overnightConversation()));
  });

  it('should keep texts of the same second in the order given when their times are equal', () => {
    const input = overnightConversation();
    input.messages = ['first', 'second', 'third'].map((body) => message({ createdAt: at('2026-03-08T05:50:00Z'), body }));

    const sut = formatTranscriptText(input);

    expect(sut.split('\n').slice(6).map((line) => line.split(': ')[1])).toEqual(['first', 'second', 'third']);
  });

  it('should paste as clean lines when bodies hold tabs, carriage returns and control characters', () => {
    const input = overnightConversation();
    input.messages = [
      message({ createdAt: at('2026-03-08T05:50:00Z'), body: 'a\tb\rc\u0000d\u001b[31me\u2028f  \n\n' }),
    ];
    input.exportedBy = 'Dana\nRuiz\t';

    const sut = formatTranscriptText(input);

    expect(sut).not.toMatch(/[\t\r\u0000-\u0009\u000B-\u001F]/);
    expect(sut.split('\n').slice(4)).toEqual([
      'Copied 03/08/2026 9:00 AM by Dana Ruiz',
      '',
      '03/07/2026 11:50 PM - Client: a b',
      '    cd[31me',
      '    f',
    ]);
  });

  it.each<[string, Partial<Message>, string]>([
    ['canceled', { status: 'canceled' }, '    (canceled, not sent)'],
    ['undelivered without a reason', { status: 'undelivered', errorMessage: null }, '    (not delivered)'],
    ['sending', { status: 'sending' }, '    (not sent yet)'],
  ])('should mark an outbound text when it is %s', (_case, overrides, expected) => {
    const input = overnightConversation();
    input.messages = [message({
      createdAt: at('2026-03-08T05:50:00Z'), direction: 'outbound', kind: 'staff', senderDisplayName: 'Dana Ruiz',
      body: 'Hello', status: 'sent', ...overrides,
    })];

    const sut = formatTranscriptText(input);

    expect(sut.split('\n').slice(6)).toEqual(['03/07/2026 11:50 PM - Dana Ruiz: Hello', expected]);
  });

  it('should describe media by type when a text carries no words', () => {
    const input = overnightConversation();
    input.messages = [message({
      createdAt: at('2026-03-08T05:50:00Z'),
      media: [
        { url: 'https://m.test/1', contentType: 'IMAGE/PNG' },
        { url: 'https://m.test/2', contentType: 'video/mp4' },
        { url: 'https://m.test/3', contentType: null },
      ],
    })];

    const sut = formatTranscriptText(input);

    expect(sut.split('\n').slice(6)).toEqual([
      '03/07/2026 11:50 PM - Client: [picture: https://m.test/1]',
      '    [attachment (video/mp4): https://m.test/2]',
      '    [attachment: https://m.test/3]',
    ]);
  });

  it('should say so when a text has neither words nor media', () => {
    const input = overnightConversation();
    input.messages = [message({ createdAt: at('2026-03-08T05:50:00Z'), body: '  \n ' })];

    const sut = formatTranscriptText(input);

    expect(sut.split('\n')[6]).toBe('03/07/2026 11:50 PM - Client: (empty text)');
  });

  it('should return the same string and leave the input untouched when called twice with the same input', () => {
    const input = linkedConversation();
    const before = JSON.stringify(input);

    const sut = [formatTranscriptText(input), formatTranscriptText(input)];

    expect(Buffer.from(sut[0], 'utf8').equals(Buffer.from(sut[1], 'utf8'))).toBe(true);
    expect(JSON.stringify(input)).toBe(before);
  });
});

describe(formatTranscriptHtml.name, () => {
  it('should render the header and one paragraph per text when the conversation is linked to a SANDI client', () => {
    const sut = formatTranscriptHtml;

    expect(sut(linkedConversation())).toBe(
      '<div>\n'
        + '<p style="margin:0 0 8px 0"><strong>Illinois Vet Messenger — SAC (Small Animal Clinic) conversation</strong><br>'
        + '<strong>Client:</strong> Jane Doe (SANDI #C10001)<br>'
        + '<strong>Phone:</strong> (217) 555-0101<br>'
        + '<strong>Patients:</strong> Biscuit (canine), Tiger (feline, deceased), Max (canine)<br>'
        + 'Copied 12/04/2026 2:15 PM by Sam Carter</p>\n'
        + '<p style="margin:0 0 4px 0"><span style="color:#555555">12/04/2026 12:02 PM</span> - <strong>Client:</strong> Hi, this is Jane 🐶</p>\n'
        + '<p style="margin:0 0 4px 0"><span style="color:#555555">12/04/2026 12:02 PM</span> - <strong>IVM (automatic):</strong> Illinois Vet Messenger: reply YES to get texts from the Small Animal Clinic. Msg&amp;data rates may apply. Reply STOP to opt out.</p>\n'
        + '<p style="margin:0 0 4px 0"><span style="color:#555555">12/04/2026 12:03 PM</span> - <strong>Client:</strong> YES</p>\n'
        + '<p style="margin:0 0 4px 0"><span style="color:#555555">12/04/2026 12:03 PM</span> - <strong>IVM (automatic):</strong> Thanks! You will now get texts from the Small Animal Clinic.</p>\n'
        + '<p style="margin:0 0 4px 0"><span style="color:#555555">12/04/2026 12:10 PM</span> - <strong>Client:</strong> Biscuit is limping on his back left leg.<br>He still ate breakfast.<br><br>Can we come in today?</p>\n'
        + `<p style="margin:0 0 4px 0"><span style="color:#555555">12/04/2026 12:11 PM</span> - <strong>Client:</strong> [picture: ${PICTURE_URL}]</p>\n`
        + '<p style="margin:0 0 4px 0"><span style="color:#555555">12/04/2026 12:20 PM</span> - <strong>Sam Carter:</strong> Dr. Lee can see Biscuit at 3:30 PM today.</p>\n'
        + '<p style="margin:0 0 4px 0"><span style="color:#555555">12/04/2026 12:25 PM</span> - <strong>Sam Carter:</strong> Please bring his vaccine records.<br><span style="color:#B3261E">(not delivered: The client&#39;s phone was off or out of coverage.)</span></p>\n'
        + `<p style="margin:0 0 4px 0"><span style="color:#555555">12/04/2026 12:40 PM</span> - <strong>Client:</strong> Here they are. ¡Gracias! 谢谢 👍🏽<br>[attachment (application/pdf): ${PDF_URL}]</p>\n`
        + '<p style="margin:0 0 4px 0"><span style="color:#555555">12/04/2026 2:14 PM</span> - <strong>Kim Nguyen:</strong> See you at 3:30!<br><span style="color:#555555">(not sent yet)</span></p>\n'
        + '</div>',
    );
  });

  it('should leave out internal notes when the conversation has them', () => {
    const sut = formatTranscriptHtml(linkedConversation());

    expect(sut).not.toContain('Owner sounds worried');
  });

  it('should date each text in Chicago when an unknown client texts across midnight and daylight saving time starts', () => {
    const sut = formatTranscriptHtml;

    expect(sut(overnightConversation())).toBe(
      '<div>\n'
        + '<p style="margin:0 0 8px 0"><strong>Illinois Vet Messenger — LAC (Large Animal Clinic) conversation</strong><br>'
        + '<strong>Client:</strong> Unknown client<br>'
        + '<strong>Phone:</strong> (217) 555-0199<br>'
        + '<strong>Patients:</strong> none on file<br>'
        + 'Copied 03/08/2026 9:00 AM by Dana Ruiz</p>\n'
        + '<p style="margin:0 0 4px 0"><span style="color:#555555">03/07/2026 11:50 PM</span> - <strong>Client:</strong> Our mare is colicking, please call 🐴</p>\n'
        + '<p style="margin:0 0 4px 0"><span style="color:#555555">03/07/2026 11:50 PM</span> - <strong>IVM (automatic):</strong> The Large Animal Clinic is closed. For emergencies call (217) 333-2000.</p>\n'
        + '<p style="margin:0 0 4px 0"><span style="color:#555555">03/08/2026 12:10 AM</span> - <strong>Client:</strong> Still waiting</p>\n'
        + '<p style="margin:0 0 4px 0"><span style="color:#555555">03/08/2026 1:55 AM</span> - <strong>Dana Ruiz:</strong> The on-call vet is on the way.</p>\n'
        + '<p style="margin:0 0 4px 0"><span style="color:#555555">03/08/2026 3:05 AM</span> - <strong>Client:</strong> Thank you</p>\n'
        + '<p style="margin:0 0 4px 0"><span style="color:#555555">03/08/2026 3:06 AM</span> - <strong>Dana Ruiz:</strong> Text us if anything changes.<br><span style="color:#555555">(not sent yet)</span></p>\n'
        + '</div>',
    );
  });

  it('should list both candidates when the phone matches two SANDI clients and none is linked', () => {
    const sut = formatTranscriptHtml;

    expect(sut(sharedPhoneConversation())).toBe(
      '<div>\n'
        + '<p style="margin:0 0 8px 0"><strong>Illinois Vet Messenger — VMSC (Veterinary Medical Specialty Clinic) conversation</strong><br>'
        + '<strong>Client:</strong> not linked — this phone matches 2 SANDI clients: Jane Doe (SANDI #C10001) or John Doe (SANDI #C10002)<br>'
        + '<strong>Phone:</strong> (217) 555-0101<br>'
        + '<strong>Patients:</strong> Biscuit (canine)<br>'
        + 'Copied 06/15/2026 9:30 AM by Kim Nguyen</p>\n'
        + '<p style="margin:0 0 4px 0"><span style="color:#555555">06/15/2026 9:00 AM</span> - <strong>Client:</strong> Is Biscuit ready to go home?</p>\n'
        + '<p style="margin:0 0 4px 0"><span style="color:#555555">06/15/2026 9:01 AM</span> - <strong>IVM (automatic):</strong> Illinois Vet Messenger: text us here. Reply STOP to opt out.</p>\n'
        + '</div>',
    );
  });

  it('should show markup as text when bodies, names, media and reasons contain HTML', () => {
    const sut = formatTranscriptHtml;

    expect(sut(hostileConversation())).toBe(
      '<div>\n'
        + '<p style="margin:0 0 8px 0"><strong>Illinois Vet Messenger — SAC (Small &lt;Animal&gt; Clinic) conversation</strong><br>'
        + '<strong>Client:</strong> &lt;b&gt;Eve&lt;/b&gt; &amp; &quot;Co&quot; (SANDI #C1&lt;0&gt;)<br>'
        + '<strong>Phone:</strong> (217) 555-0101<br>'
        + '<strong>Patients:</strong> Tiger &lt;i&gt;O&#39;Malley&lt;/i&gt; (feline, deceased)<br>'
        + 'Copied 12/04/2026 2:15 PM by &lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;</p>\n'
        + '<p style="margin:0 0 4px 0"><span style="color:#555555">12/04/2026 12:00 PM</span> - <strong>Client:</strong> &lt;img src=x onerror=alert(1)&gt;</p>\n'
        + '<p style="margin:0 0 4px 0"><span style="color:#555555">12/04/2026 12:01 PM</span> - <strong>Client:</strong> [picture: https://example.test/a.jpg?x=&quot;&gt;&lt;svg onload=alert(1)&gt;]</p>\n'
        + '<p style="margin:0 0 4px 0"><span style="color:#555555">12/04/2026 12:02 PM</span> - <strong>&lt;script&gt;alert(&quot;sam&quot;)&lt;/script&gt;:</strong> ok &lt;/p&gt;&lt;p&gt;<br><span style="color:#B3261E">(not delivered: &lt;a href=&quot;javascript:alert(1)&quot;&gt;x&lt;/a&gt;)</span></p>\n'
        + '</div>',
    );
  });

  it('should contain only its own few tags and style attributes when given hostile input', () => {
    const sut = formatTranscriptHtml(hostileConversation());

    const tags = [...sut.matchAll(/<\/?([a-zA-Z][^\s>/]*)([^>]*)>/g)];
    expect(new Set(tags.map((tag) => tag[1]))).toEqual(new Set(['div', 'p', 'strong', 'br', 'span']));
    expect(tags.map((tag) => tag[2].trim()).filter((attributes) => attributes && !/^style="[^"<>]*"$/.test(attributes)))
      .toEqual([]);
  });

  it('should keep plain text free of HTML escapes when the same hostile input is copied as text', () => {
    const sut = formatTranscriptText(hostileConversation());

    expect(sut).toContain('12/04/2026 12:00 PM - Client: <img src=x onerror=alert(1)>');
    expect(sut).not.toContain('&lt;');
  });

  it('should return byte-identical output when called twice with the same input', () => {
    const sut = [formatTranscriptHtml(linkedConversation()), formatTranscriptHtml(linkedConversation())];

    expect(Buffer.from(sut[0], 'utf8').equals(Buffer.from(sut[1], 'utf8'))).toBe(true);
  });
});
