/**
 * CPace over ristretto255 with SHA-512 against the test vectors published in
 * draft-irtf-cfrg-cpace-21, Appendix B.3 (B.3.1-B.3.6, B.3.10, B.3.11), and the string helpers
 * against Appendix A.1-A.3.
 */
import { bytesToHex, hexToBytes, utf8ToBytes } from '@noble/hashes/utils.js';
import { describe, expect, it } from 'vitest';
import {
  calculateGenerator,
  generatorString,
  IDENTITY,
  intermediateSessionKey,
  lvCat,
  oCat,
  prependLen,
  sampleScalar,
  scalarFromBytes,
  scalarMult,
  scalarMultVfy,
  transcriptIr,
  transcriptOc,
} from '../../src/lib/room/pake/cpace.ts';

const hex = (s: string) => hexToBytes(s.replace(/\s+/g, ''));

// B.3.1 inputs.
const PRS = utf8ToBytes('Password');
const CI = hex('0b415f696e69746961746f720b425f726573706f6e646572');
const SID = hex('7e4b4791d6a8ef019b936c79fb7f2c57');
const ADA = utf8ToBytes('ADa');
const ADB = utf8ToBytes('ADb');

const V = {
  generatorString: `11435061636552697374726574746f3235350850617373776f726464
    00000000000000000000000000000000000000000000000000000000
    00000000000000000000000000000000000000000000000000000000
    00000000000000000000000000000000000000000000000000000000
    00000000000000000000000000000000180b415f696e69746961746f
    720b425f726573706f6e646572107e4b4791d6a8ef019b936c79fb7f
    2c57`,
  g: '222b6b195fe84b1652badb6f6a3ae3d24341e7306967f0b8115b40d5698c7e56',
  ya: 'da3d23700a9e5699258aef94dc060dfda5ebb61f02a5ea77fad53f4ff0976d08',
  Ya: 'd6bac480f2c386c394efc7c47adb9925dcd2630b64f240c50f8d0eec482b9157',
  yb: 'd2316b454718c35362d83d69df6320f38578ed5984651435e2949762d900b80d',
  Yb: '3ea7e0b19560d7c0b0f5734f63b955286dfa8232b5ebe63324e2d9e7433f7258',
  K: '80b69a8a76457ab6a4d7f887a4bf6b55a2f80ac19c333f917a05fc9887c8b40f',
  transcriptIr: `20d6bac480f2c386c394efc7c47adb9925dcd2630b64f240c50f8d0e
    ec482b915703414461203ea7e0b19560d7c0b0f5734f63b955286dfa
    8232b5ebe63324e2d9e7433f725803414462`,
  iskIr: `b69effbf61b51d56401c0f65601abe428de8206feaaf0e32198896dc
    ae7b35cd2b38950a39dfd5d4a79164614c2984f7daa460b588c1e80c
    3fa2068af7900447`,
  transcriptOc: `6f6320d6bac480f2c386c394efc7c47adb9925dcd2630b64f240c50f
    8d0eec482b915703414461203ea7e0b19560d7c0b0f5734f63b95528
    6dfa8232b5ebe63324e2d9e7433f725803414462`,
  iskOc: `544199d71f62f8d9a1fee55727e24fe4a45844593c2b6013c4fa3969
    d0e5debb2244675c0b43397cbb68d342b01fc0f98fc961469a25134d
    e9f0f813c1a57476`,
};

describe('string helpers (draft Appendix A)', () => {
  it('prepend_len uses LEB128 (A.1.2)', () => {
    expect(bytesToHex(prependLen(new Uint8Array()))).toBe('00');
    expect(bytesToHex(prependLen(utf8ToBytes('1234')))).toBe('0431323334');
    const r127 = Uint8Array.from({ length: 127 }, (_, i) => i);
    expect(bytesToHex(prependLen(r127)).slice(0, 4)).toBe('7f00');
    const r128 = Uint8Array.from({ length: 128 }, (_, i) => i);
    expect(prependLen(r128).length).toBe(130);
    expect(bytesToHex(prependLen(r128)).slice(0, 6)).toBe('800100');
  });

  it('lv_cat (A.1.4)', () => {
    const out = lvCat(utf8ToBytes('1234'), utf8ToBytes('5'), new Uint8Array(), utf8ToBytes('678'));
    expect(bytesToHex(out)).toBe('043132333401350003363738');
  });

  it('o_cat and the transcripts (A.3.3, A.3.5, A.3.7)', () => {
    const b = utf8ToBytes;
    expect(bytesToHex(oCat(b('ABCD'), b('BCD')))).toBe('6f6342434441424344');
    expect(bytesToHex(oCat(b('BCD'), b('ABCDE')))).toBe('6f634243444142434445');
    expect(bytesToHex(transcriptIr(b('123'), b('PartyA'), b('234'), b('PartyB')))).toBe(
      '03313233065061727479410332333406506172747942',
    );
    expect(bytesToHex(transcriptIr(b('3456'), b('PartyA'), b('2345'), b('PartyB')))).toBe(
      '043334353606506172747941043233343506506172747942',
    );
    expect(bytesToHex(transcriptOc(b('123'), b('PartyA'), b('234'), b('PartyB')))).toBe(
      '6f6303323334065061727479420331323306506172747941',
    );
    expect(bytesToHex(transcriptOc(b('3456'), b('PartyA'), b('2345'), b('PartyB')))).toBe(
      '6f63043334353606506172747941043233343506506172747942',
    );
    // o_cat's tie-break on a common prefix: the longer string is the larger (A.3.3).
    expect(bytesToHex(oCat(Uint8Array.of(0), Uint8Array.of(0, 0)))).toBe('6f63000000');
  });
});

describe('CPACE-RISTR255-SHA512 (draft-irtf-cfrg-cpace-21, B.3)', () => {
  it('builds the generator string and the generator (B.3.1)', () => {
    expect(bytesToHex(generatorString(PRS, CI, SID))).toBe(V.generatorString.replace(/\s+/g, ''));
    expect(bytesToHex(calculateGenerator(PRS, CI, SID).toBytes())).toBe(V.g);
  });

  it('computes Ya, Yb and K on both sides (B.3.2-B.3.4)', () => {
    const g = calculateGenerator(PRS, CI, SID);
    const ya = scalarFromBytes(hex(V.ya));
    const yb = scalarFromBytes(hex(V.yb));
    expect(bytesToHex(scalarMult(ya, g))).toBe(V.Ya);
    expect(bytesToHex(scalarMult(yb, g))).toBe(V.Yb);
    expect(bytesToHex(scalarMultVfy(ya, hex(V.Yb)) ?? new Uint8Array())).toBe(V.K);
    expect(bytesToHex(scalarMultVfy(yb, hex(V.Ya)) ?? new Uint8Array())).toBe(V.K);
  });

  it('derives ISK in initiator-responder mode (B.3.5)', () => {
    const t = transcriptIr(hex(V.Ya), ADA, hex(V.Yb), ADB);
    expect(bytesToHex(t)).toBe(V.transcriptIr.replace(/\s+/g, ''));
    expect(bytesToHex(intermediateSessionKey(SID, hex(V.K), t))).toBe(V.iskIr.replace(/\s+/g, ''));
  });

  it('derives ISK in the symmetric (ordered) mode (B.3.6)', () => {
    const t = transcriptOc(hex(V.Ya), ADA, hex(V.Yb), ADB);
    expect(bytesToHex(t)).toBe(V.transcriptOc.replace(/\s+/g, ''));
    expect(bytesToHex(intermediateSessionKey(SID, hex(V.K), t))).toBe(V.iskOc.replace(/\s+/g, ''));
  });

  it('multiplies a valid point (B.3.10)', () => {
    const s = scalarFromBytes(hex('7cd0e075fa7955ba52c02759a6c90dbbfc10e6d40aea8d283e407d88cf538a05'));
    const x = hex('2c3c6b8c4f3800e7aef6864025b4ed79bd599117e427c41bd47d93d654b4a51c');
    expect(bytesToHex(scalarMultVfy(s, x) ?? new Uint8Array())).toBe(
      '7c13645fe790a468f62c39beb7388e541d8405d1ade69d1778c5fe3e7f6b600e',
    );
  });

  it('refuses an invalid encoding and the identity (B.3.11)', () => {
    const s = scalarFromBytes(hex('7cd0e075fa7955ba52c02759a6c90dbbfc10e6d40aea8d283e407d88cf538a05'));
    expect(scalarMultVfy(s, hex('2b3c6b8c4f3800e7aef6864025b4ed79bd599117e427c41bd47d93d654b4a51c'))).toBeNull();
    expect(scalarMultVfy(s, new Uint8Array(32))).toBeNull();
    expect(scalarMultVfy(s, IDENTITY)).toBeNull();
    // Wrong lengths never reach the group.
    expect(scalarMultVfy(s, new Uint8Array(31))).toBeNull();
    expect(scalarMultVfy(s, new Uint8Array(33))).toBeNull();
  });

  it('gives different keys for a tampered Ya, a wrong password or another sid', () => {
    const g = calculateGenerator(PRS, CI, SID);
    const ya = sampleScalar();
    const yb = sampleScalar();
    const Ya = scalarMult(ya, g);
    const Yb = scalarMult(yb, g);
    const isk = (k: Uint8Array | null, a = Ya) =>
      bytesToHex(intermediateSessionKey(SID, k!, transcriptIr(a, ADA, Yb, ADB)));
    const base = isk(scalarMultVfy(ya, Yb));
    expect(isk(scalarMultVfy(yb, Ya))).toBe(base);
    // A relay swaps Ya for another valid point: the responder's ISK no longer matches.
    const forged = scalarMult(sampleScalar(), g);
    expect(isk(scalarMultVfy(yb, forged), forged)).not.toBe(base);
    // A guess of the password gives another generator, and so another key.
    const gWrong = calculateGenerator(utf8ToBytes('Passwore'), CI, SID);
    const YaWrong = scalarMult(ya, gWrong);
    expect(isk(scalarMultVfy(yb, YaWrong), YaWrong)).not.toBe(base);
    expect(bytesToHex(calculateGenerator(PRS, CI, hex('00')).toBytes())).not.toBe(V.g);
  });

  it('samples scalars below 2^252 and never zero', () => {
    let calls = 0;
    const zeroThenFull = (n: number) => (calls++ === 0 ? new Uint8Array(n) : new Uint8Array(n).fill(0xff));
    const y = sampleScalar(zeroThenFull);
    expect(calls).toBe(2);
    expect(y).toBe((1n << 252n) - 1n);
  });
});
