package journal

import (
	"encoding/binary"
	"encoding/json"
	"errors"
	"fmt"
	"hash/crc32"

	"github.com/gaianet-go/gaianet/domain/ledger"
)

// A record is: length (uint32, little endian) of the payload, CRC-32C of
// the payload, then the payload: the charge as JSON.
const headerSize = 8

// maxRecord bounds one record's payload; a charge is a few hundred bytes.
const maxRecord = 1 << 20

var castagnoli = crc32.MakeTable(crc32.Castagnoli)

// appendRecord appends c's record to buf.
func appendRecord(buf []byte, c ledger.Charge) ([]byte, error) {
	payload, err := json.Marshal(c)
	if err != nil {
		return buf, fmt.Errorf("journal: encode charge %s: %w", c.RequestID, err)
	}
	if len(payload) > maxRecord {
		return buf, fmt.Errorf("journal: charge %s: record of %d bytes", c.RequestID, len(payload))
	}
	buf = binary.LittleEndian.AppendUint32(buf, uint32(len(payload)))
	buf = binary.LittleEndian.AppendUint32(buf, crc32.Checksum(payload, castagnoli))
	return append(buf, payload...), nil
}

// readRecords decodes every whole record of data, in order. It stops at
// the first torn or corrupt one and reports how many bytes were whole;
// a charge that does not decode or validate is an error.
func readRecords(data []byte) (cs []ledger.Charge, whole int, err error) {
	for off := 0; ; {
		if len(data)-off < headerSize {
			return cs, off, nil
		}
		n := int(binary.LittleEndian.Uint32(data[off:]))
		sum := binary.LittleEndian.Uint32(data[off+4:])
		if n > maxRecord || len(data)-off-headerSize < n {
			return cs, off, nil
		}
		payload := data[off+headerSize : off+headerSize+n]
		if crc32.Checksum(payload, castagnoli) != sum {
			return cs, off, nil
		}
		var c ledger.Charge
		if err := json.Unmarshal(payload, &c); err != nil {
			return cs, off, fmt.Errorf("journal: record at byte %d: %w", off, err)
		}
		if err := validate(c); err != nil {
			return cs, off, fmt.Errorf("journal: record at byte %d: %w", off, err)
		}
		cs = append(cs, c)
		off += headerSize + n
	}
}

// validate checks what posting relies on: ids present, legs summing to
// the amount, amounts in range.
func validate(c ledger.Charge) error {
	if c.RequestID == "" || c.User == "" || c.Node == "" {
		return errors.New("charge without request id, user or node")
	}
	if c.ComponentSet < 0 {
		return fmt.Errorf("charge %s: component set %d out of range", c.RequestID, c.ComponentSet)
	}
	if c.Amount < 0 || c.Amount > ledger.MaxAmount {
		return fmt.Errorf("charge %s: amount %s out of range", c.RequestID, c.Amount)
	}
	var sum ledger.Micros
	for _, l := range c.Legs {
		if l.Amount <= 0 || l.Amount > c.Amount || l.Account == "" {
			return fmt.Errorf("charge %s: bad leg %+v", c.RequestID, l)
		}
		sum += l.Amount
	}
	if sum != c.Amount {
		return fmt.Errorf("charge %s: legs sum to %s, amount %s", c.RequestID, sum, c.Amount)
	}
	return nil
}
